package org.restrictionledger.support.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.support.messaging.DeadLetters;

import java.util.List;

/**
 * {@code GET /api/v1/admin/dlq}: this service's dead-letter topics and how many records wait in each;
 * {@code POST /api/v1/admin/dlq/redrive}: after a fix, send them back to the topics they came from (an operator's
 * action). Every service that consumes a topic serves both.
 */
@Path("/api/v1/admin/dlq")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "This service's dead-letter topics and the records waiting in each (not re-driven yet)")
    public List<DeadLetters.Topic> list() {
        return deadLetters.list();
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Re-drive every waiting dead-letter record to the topic it came from (after a fix)")
    @APIResponse(responseCode = "200", description = "Per dead-letter topic: records re-published")
    public List<DeadLetters.Redriven> redrive() {
        return deadLetters.redrive();
    }
}
