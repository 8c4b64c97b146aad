package org.restrictionledger.query.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.projection.Sql;
import org.restrictionledger.support.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events, one per projected change (event {@code status}, id = the change's
 * sequence number). The changes come from the read model's change log, so every replica serves every change, and
 * {@code Last-Event-ID} resumes exactly after the last one received: no gap, no repeat.
 */
@Path("/api/v1/stream")
public class LiveResource {

    /** What a live screen receives for each change. */
    public record Change(long seq, String stream, String status, long version, UUID eventId, Instant changedAt) {
    }

    private final EntityManager em;
    private final Duration pollInterval;
    private final int batch;

    LiveResource(EntityManager em,
                 @ConfigProperty(name = "query.stream.poll-interval", defaultValue = "0.5s") Duration pollInterval,
                 @ConfigProperty(name = "query.stream.batch-size", defaultValue = "500") int batch) {
        this.em = em;
        this.pollInterval = pollInterval;
        this.batch = batch;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every status change as it is projected (SSE); Last-Event-ID resumes without gaps")
    @Blocking // without a resume point it reads the latest change from the database first: not on the I/O thread
    public Multi<OutboundSseEvent> stream(
            @Context Sse sse,
            @Parameter(description = "resume after this change (sent by EventSource on reconnect)")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "the same as Last-Event-ID, for clients that cannot set headers")
            @QueryParam("after") String after) {
        String resume = lastEventId != null ? lastEventId : after;
        AtomicLong cursor = new AtomicLong(resume == null ? latest() : parse(resume));
        return Multi.createFrom().ticks().every(pollInterval)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onOverflow().drop()
                .onItem().transformToIterable(tick -> {
                    List<Change> changes = QuarkusTransaction.requiringNew().call(() -> changesAfter(cursor.get()));
                    if (!changes.isEmpty()) {
                        cursor.set(changes.get(changes.size() - 1).seq());
                    }
                    return changes;
                })
                .map(change -> sse.newEventBuilder()
                        .id(Long.toString(change.seq()))
                        .name("status")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(Json.write(change))
                        .build());
    }

    private List<Change> changesAfter(long seq) {
        List<?> rows = em.createNativeQuery("""
                        SELECT seq, stream_id, status, version, CAST(event_id AS text), changed_at FROM status_changes
                        WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, seq).setParameter(2, batch).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Change(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], ((Number) r[3]).longValue(), UUID.fromString((String) r[4]),
                Sql.instant(r[5]))).toList();
    }

    private long latest() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM status_changes").getSingleResult()).longValue());
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "'" + id + "' is not an id this stream sent");
        }
    }
}
