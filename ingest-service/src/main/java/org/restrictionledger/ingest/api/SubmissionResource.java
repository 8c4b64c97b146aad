package org.restrictionledger.ingest.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.ProblemException;
import org.restrictionledger.support.security.Callers;

import java.util.UUID;

/**
 * {@code GET /api/v1/submissions/{id}}: where a report stands. Role {@code reporter} (its own submissions) or
 * {@code operator} (all).
 */
@Path(SubmissionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    static final String PATH = "/api/v1/submissions";
    static final String PENDING_EXAMPLE = """
            {"submissionId": "7d0c4b1e-5f7a-4c1e-9d0a-2b6f1e3c9a10", "stream": "RU/whatsapp",
             "type": "restriction.imposed", "status": "PENDING", "receivedAt": "2026-02-12T10:00:00Z",
             "self": "/api/v1/submissions/7d0c4b1e-5f7a-4c1e-9d0a-2b6f1e3c9a10"}""";

    private final SubmissionStore submissions;
    private final SecurityIdentity caller;

    SubmissionResource(SubmissionStore submissions, SecurityIdentity caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    static String path(UUID id) {
        return PATH + "/" + id;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where a submitted report stands: PENDING, ACCEPTED (with event ids) or REJECTED (with the reason)")
    @APIResponse(responseCode = "200", description = "The submission", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class),
            examples = @ExampleObject(name = "pending", value = PENDING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No submission with that id (or it has expired)")
    public SubmissionView get(@PathParam("id") String id) {
        UUID uuid = Values.uuid("id", id);
        // A reporter sees its own submissions only; another's answers 404, as if it did not exist, so ids of other
        // reporters' submissions reveal nothing. An operator sees all.
        boolean all = Callers.isOperator(caller);
        String me = Callers.submitter(caller).map(Submitter::subject).orElse(null);
        return submissions.find(uuid)
                .filter(s -> all || (me != null && me.equals(s.submitter)))
                .map(SubmissionView::of)
                .orElseThrow(() -> ProblemException.notFound("no submission " + id + " of yours"));
    }
}
