package org.restrictionledger.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Readiness of the read model: DOWN when the projection is stalled, that is, events wait on the topic and it has
 * not moved forward for {@code query.projection.stall-after}. A replica that serves stale answers should leave the
 * load balancer; a slow one that still moves should not.
 */
@Readiness
@ApplicationScoped
public class ProjectionReadiness implements HealthCheck {

    private final ProjectionMonitor monitor;
    private final ParkingLot parking;
    private final Duration stallAfter;

    ProjectionReadiness(ProjectionMonitor monitor, ParkingLot parking, ProjectionConfig config) {
        this.monitor = monitor;
        this.parking = parking;
        this.stallAfter = config.stallAfter();
    }

    @Override
    public HealthCheckResponse call() {
        long lag = monitor.progress().stream().mapToLong(ProjectionMonitor.PartitionProgress::lag).sum();
        Instant since = monitor.progressedAt();
        boolean stalled = lag > 0 && since.plus(stallAfter).isBefore(Instant.now());
        return HealthCheckResponse.named("projection")
                .status(!stalled)
                .withData("lag", lag)
                .withData("lastProgress", since.toString())
                // Parked streams do not make the service unready: every other stream is served and kept current.
                .withData("parkedStreams", parking.parkedStreams())
                .build();
    }
}
