package org.restrictionledger.ingest.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.problem.ProblemException;

import java.util.UUID;

/** {@code GET /api/v1/submissions/{id}}: where a report stands. */
@Path(SubmissionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    static final String PATH = "/api/v1/submissions";

    private final SubmissionStore submissions;

    SubmissionResource(SubmissionStore submissions) {
        this.submissions = submissions;
    }

    static String path(UUID id) {
        return PATH + "/" + id;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where a submitted report stands: PENDING, ACCEPTED (with event ids) or REJECTED (with the reason)")
    public SubmissionView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "'" + id + "' is not a submission id (a UUID)");
        }
        return submissions.find(uuid).map(SubmissionView::of)
                .orElseThrow(() -> ProblemException.notFound("no submission " + id));
    }
}
