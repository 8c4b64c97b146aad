package org.restrictionledger.query.api;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.query.projection.Sql;
import org.restrictionledger.support.problem.Excerpt;
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

    /**
     * What a live screen receives for each change. Like every status item it names its country and platform (code and
     * name), derived from {@code stream}, so a screen can show it without a look-up.
     */
    @Schema(name = "StatusChange")
    public record Change(long seq, String stream, String status, long version, UUID eventId, Instant changedAt) {

        @JsonProperty("country")
        public String country() {
            return StreamId.parse(stream).country();
        }

        @JsonProperty("countryName")
        public String countryName() {
            return Countries.nameOf(country());
        }

        @JsonProperty("platform")
        public String platform() {
            return StreamId.parse(stream).platform();
        }

        @JsonProperty("platformName")
        public String platformName() {
            return Platforms.resolve(platform()).map(Platform::name).orElse(platform());
        }
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
    @Blocking // the head is read from the database when no resume position is given (a browser's first connect)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Every status change as it is projected (SSE); Last-Event-ID resumes without gaps")
    @APIResponse(responseCode = "200", description = "A Server-Sent Events stream that stays open: one event named "
            + "status per change, its id the change's sequence number, its data a StatusChange as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "text/event-stream (WHATWG HTML, Server-sent events); each data line is a "
                            + "StatusChange (#/components/schemas/StatusChange)"),
                    example = """
                            id: 4182
                            event: status
                            data: {"seq":4182,"stream":"RU/whatsapp","status":"BLOCKED","version":4,\
                            "eventId":"9b0d5f0e-1c2a-4e57-9a51-3f1c2a7e0d11","changedAt":"2026-02-12T10:00:00Z",\
                            "country":"RU","countryName":"Russia","platform":"whatsapp","platformName":"WhatsApp"}

                            """))
    public Multi<OutboundSseEvent> stream(
            @Context Sse sse,
            @Parameter(description = "resume after this change (sent by EventSource on reconnect)")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "the same as Last-Event-ID, for clients that cannot set headers")
            @QueryParam("after") String after) {
        AtomicLong cursor = new AtomicLong(lastEventId != null ? parse("Last-Event-ID", lastEventId)
                : after != null ? parse("after", after) : latest());
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

    private static long parse(String name, String id) {
        Long seq;
        try {
            seq = Params.number(name, id, 0, Long.MAX_VALUE);
        } catch (ProblemException e) {
            throw ProblemException.invalid(name, "'" + Excerpt.of(id) + "' is not an id this stream sent");
        }
        return seq;
    }
}
