package org.restrictionledger.query.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.query.live.ChangeFeed;
import org.restrictionledger.query.live.LiveConfig;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stream}: Server-Sent Events, one per projected change (event {@code status}, id = the change's
 * sequence number). The changes come from the read model's change log, so every replica serves every change, and
 * {@code Last-Event-ID} resumes exactly after the last one received: no gap, no repeat. Without a resume position
 * (a browser's first connect) the stream starts at the latest change. The stream opens with {@code retry:} and sends
 * a comment line when it has been silent for a heartbeat interval. No connection reads the database while it is
 * live: the one {@link ChangeFeed} of the instance does, and wakes them all.
 */
@Path("/api/v1/stream")
public class LiveResource {

    private final ChangeFeed feed;
    private final LiveConfig config;

    LiveResource(ChangeFeed feed, LiveConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Blocking // without a resume position the head is read from the store (a browser's first connect)
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
                : after != null ? parse("after", after) : head());
        OutboundSseEvent opening = sse.newEventBuilder().comment(" changes after " + cursor.get())
                .reconnectDelay(config.retry().toMillis()).build();
        // ": keep-alive": a comment line, which EventSource ignores and proxies see as traffic.
        OutboundSseEvent heartbeat = sse.newEventBuilder().comment(" keep-alive").build();
        Multi<OutboundSseEvent> changes = Multi.createBy().repeating()
                .uni(() -> feed.after(cursor.get()).invoke(entries -> {
                    if (!entries.isEmpty()) {
                        cursor.set(entries.get(entries.size() - 1).change().seq());
                    }
                }))
                .indefinitely()
                .onItem().transformToIterable(entries -> entries.isEmpty() ? List.of(heartbeat)
                        : entries.stream().map(e -> sse.newEventBuilder()
                                .id(Long.toString(e.change().seq()))
                                .name("status")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(e.json())
                                .build()).toList());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(opening), changes);
    }

    private long head() {
        try {
            return feed.head();
        } catch (IllegalStateException e) {
            throw new ProblemException(Problem.of(503, "change-log-unavailable", "Change log unavailable",
                    "the live stream cannot read where the change log stands; try again in a moment"));
        }
    }

    private static long parse(String name, String id) {
        Long seq;
        try {
            seq = Values.number(name, id, 0, Long.MAX_VALUE);
        } catch (ProblemException e) {
            throw ProblemException.invalid(name, "'" + Excerpt.of(id) + "' is not an id this stream sent");
        }
        return seq;
    }
}
