package org.restrictionledger.ingest.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.ingest.domain.ReportNormaliser;
import org.restrictionledger.ingest.messaging.CommandPublisher;
import org.restrictionledger.ingest.store.Submission;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * {@code POST /api/v1/reports}: one report in, 202 Accepted with a submission id once its command is on Kafka; or 400
 * with every field error, and nothing published.
 */
@Path("/api/v1/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final Logger LOG = Logger.getLogger(ReportResource.class);

    private final CommandPublisher publisher;
    private final SubmissionStore submissions;
    private final Clock clock;

    ReportResource(CommandPublisher publisher, SubmissionStore submissions) {
        this.publisher = publisher;
        this.submissions = submissions;
        this.clock = Clock.systemUTC();
    }

    @POST
    @Operation(summary = "Submit one report (a restriction imposed or lifted)")
    @APIResponse(responseCode = "202", description = "Accepted for the ledger; follow Location for the outcome")
    @APIResponse(responseCode = "400", description = "Invalid report: every field error, as application/problem+json")
    @APIResponse(responseCode = "503", description = "Kafka did not take the command; nothing was recorded, retry")
    public Response submit(ReportRequest report) {
        UUID submissionId = UUID.randomUUID();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReportNormaliser.Result result = ReportNormaliser.normalise(report, submissionId, receivedAt);
        if (!result.valid()) {
            throw new ProblemException(Problem.invalid("Invalid report", result.errors()));
        }
        LedgerCommand command = result.command();
        try {
            publisher.publish(command);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not publish submission %s for %s", submissionId, command.stream());
            throw new ProblemException(Problem.of(503, "unavailable", "Ledger unavailable",
                    "The report could not be handed to the ledger; nothing was recorded. Retry later."));
        }
        submissions.pending(submissionId, command.stream().toString(), report.type(), receivedAt);
        SubmissionView view = new SubmissionView(submissionId, command.stream().toString(), report.type(),
                Submission.Status.PENDING, receivedAt, null, null, null, null, SubmissionResource.path(submissionId));
        return Response.accepted(view).location(URI.create(SubmissionResource.path(submissionId))).build();
    }
}
