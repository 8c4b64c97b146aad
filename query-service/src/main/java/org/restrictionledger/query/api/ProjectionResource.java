package org.restrictionledger.query.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.query.projection.ParkingLot;
import org.restrictionledger.query.projection.ProjectionMonitor;
import org.restrictionledger.query.projection.Rebuilder;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/projection}: how far the read model has read {@code restrictions.events.v1}, and the parked
 * streams; {@code POST /api/v1/projection/rebuild}: rebuild it from offset 0; {@code POST
 * /api/v1/projection/parked/redrive[?stream=RU/whatsapp]}: re-drive parked streams after a fix (operators' actions;
 * keep them behind the ingress's admin rules).
 */
@Path("/api/v1/projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final ProjectionMonitor monitor;
    private final Rebuilder rebuilder;
    private final ParkingLot parking;

    ProjectionResource(ProjectionMonitor monitor, Rebuilder rebuilder, ParkingLot parking) {
        this.monitor = monitor;
        this.rebuilder = rebuilder;
        this.parking = parking;
    }

    /**
     * @param lag         events on the topic not yet in the read model, all partitions
     * @param measuredAt  when the lag was last measured (every few seconds)
     */
    public record ProjectionState(long position, long lag, Instant lastEventAt, Instant measuredAt,
                                  List<ProjectionMonitor.PartitionProgress> partitions, Rebuilder.RebuildStatus rebuild,
                                  List<ParkingLot.ParkedStream> parked) {
    }

    @GET
    @Operation(summary = "The projection's position, lag per partition, last event time, and the last rebuild")
    public ProjectionState state() {
        List<ProjectionMonitor.PartitionProgress> partitions = monitor.progress();
        return new ProjectionState(
                partitions.stream().mapToLong(ProjectionMonitor.PartitionProgress::position).sum(),
                partitions.stream().mapToLong(ProjectionMonitor.PartitionProgress::lag).sum(),
                partitions.stream().map(ProjectionMonitor.PartitionProgress::lastEventAt).filter(Objects::nonNull)
                        .max(Instant::compareTo).orElse(null),
                monitor.refreshedAt(), partitions, rebuilder.status(), parking.list());
    }

    @POST
    @Path("parked/redrive")
    @Operation(summary = "Re-drive parked streams after a fix: their waiting events apply in order, exactly once")
    @APIResponse(responseCode = "200", description = "Per stream: events applied, or still parked and why")
    @APIResponse(responseCode = "400", description = "Malformed stream id")
    public List<ParkingLot.Redriven> redrive(
            @Parameter(description = "One stream, e.g. RU/whatsapp; all parked streams when absent")
            @QueryParam("stream") String stream) {
        if (stream != null) {
            try {
                StreamId.parse(stream);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("stream", "a stream id like RU/whatsapp");
            }
        }
        return parking.redrive(stream);
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Rebuild the read model from offset 0 into fresh tables; the current ones serve until the switch")
    @APIResponse(responseCode = "202", description = "Started; follow GET /api/v1/projection (Location)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Rebuilder.RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running, on this or another query instance")
    public Response rebuild() {
        if (!rebuilder.start()) {
            throw new ProblemException(Problem.of(409, "rebuild-running", "Rebuild running",
                    "a rebuild is already running, on this or another query instance; follow GET /api/v1/projection"));
        }
        return Response.accepted(rebuilder.status()).header("Location", "/api/v1/projection").build();
    }
}
