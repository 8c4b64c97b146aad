package org.restrictionledger.ingest.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.ingest.domain.Submissions;
import org.restrictionledger.ingest.store.Submission;
import org.restrictionledger.support.problem.ProblemException;
import org.restrictionledger.support.security.Callers;

import java.util.regex.Pattern;

/**
 * Reports in: one ({@code POST /api/v1/reports}), a batch as a JSON array or NDJSON ({@code .../batch}), or CSV
 * ({@code .../csv}). Limits: 64 KiB for one report, 16 MiB and {@value BatchReader#MAX_ITEMS} reports for a batch
 * (413 beyond); field lengths in {@code ReportNormaliser}. Role {@code reporter} or {@code operator} (path rules in
 * service-support); the token's subject is recorded as the submitter on the command and on every event it produces.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Submissions submissions;
    private final SecurityIdentity caller;

    ReportResource(Submissions submissions, SecurityIdentity caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    /** Who reports (role reporter or operator: the path rules let no one else in); recorded on every event. */
    private Submitter submitter() {
        return Callers.submitter(caller).orElse(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one report")
    @APIResponse(responseCode = "202", description = "Accepted for the ledger; follow Location (relative) for the "
            + "decision",
            headers = @Header(name = "Location", description = "the submission, e.g. /api/v1/submissions/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionView.class),
                    examples = @ExampleObject(name = "pending", value = SubmissionResource.PENDING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid report: every field error, as application/problem+json")
    @APIResponse(responseCode = "413", description = "A body over 64 KiB, however it is sent")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different report")
    @APIResponse(responseCode = "503", description = "Kafka did not take the command; retry (with the same key)")
    public Response submit(
            @Parameter(description = "Makes retries safe: the same key and report answer the same submission")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportRequest.class))) byte[] body) {
        BodyLimits.check(body, BodyLimits.ONE_REPORT);
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "1 to 200 visible ASCII characters");
        }
        Submissions.Submitted s = submissions.submit(ReportReader.report(body), idempotencyKey, submitter());
        SubmissionView view = new SubmissionView(s.submissionId(), s.stream(), s.type(), Submission.Status.PENDING,
                s.receivedAt(), null, null, null, null, submitter() == null ? null : submitter().subject(),
                SubmissionResource.path(s.submissionId()));
        // A relative reference (RFC 9110 §10.2.2): ResponseBuilder.location() would make it absolute from the Host
        // this request came in on, which behind a proxy is not the address the client used.
        Response.ResponseBuilder response = Response.accepted(view)
                .header(HttpHeaders.LOCATION, SubmissionResource.path(s.submissionId()));
        if (s.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @POST
    @Path("batch")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Submit up to 10,000 reports as a JSON array or as NDJSON (one report per line)")
    @APIResponse(responseCode = "200", description = "Per item, in order: SUBMITTED, INVALID (with errors) or UNAVAILABLE")
    @APIResponse(responseCode = "413", description = "More than 10,000 reports, or a body over 16 MiB")
    public BatchResult batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @RequestBody(content = {
                                     @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                                             type = SchemaType.ARRAY, implementation = ReportRequest.class)),
                                     @Content(mediaType = NDJSON)}) byte[] body) {
        BodyLimits.check(body, BodyLimits.BATCH);
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(NDJSON);
        return BatchResult.of(submissions.submitAll(
                ndjson ? BatchReader.ndjson(body) : BatchReader.jsonArray(body), submitter()), false);
    }

    @POST
    @Path("csv")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), example = """
            type,country,platform,measure,effective,source_publisher
            restriction.imposed,Russia,WhatsApp,FULL_BLOCK,2025-12,Example News
            """))
    @Operation(summary = "Submit up to 10,000 reports as CSV with a header row (columns: see BatchReader.CSV_COLUMNS)")
    @APIResponse(responseCode = "200", description = "Per row (the header is row 1): SUBMITTED, INVALID or UNAVAILABLE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "413", description = "More than 10,000 rows, or a body over 16 MiB")
    public BatchResult csv(byte[] body) {
        BodyLimits.check(body, BodyLimits.BATCH);
        return BatchResult.of(submissions.submitAll(BatchReader.csv(ReportReader.utf8(body)), submitter()), true);
    }
}
