package org.restrictionledger.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.restrictionledger.events.ChainVerifier;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.store.EventStore;
import org.restrictionledger.support.input.Streams;

import java.util.List;

/**
 * {@code GET /api/v1/streams/{cc}/{platform}}: a stream's events as stored, with their hashes, and {@code .../verify}:
 * the hash chain recomputed from the documents as stored (never from re-serialised records, which would drop members a
 * newer v1 writer added).
 */
@Path("/api/v1/streams/{country}/{platform}")
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

    private final EventStore store;

    StreamResource(EventStore store) {
        this.store = store;
    }

    /** @param events the documents as stored: the same JSON as on {@code restrictions.events.v1}, hashed as they are */
    public record StreamView(String stream, long version, List<JsonNode> events) {
    }

    @GET
    @Operation(summary = "The stream's events in stream-version order, as stored, with prevHash and hash")
    @APIResponse(responseCode = "200", description = "The stream and its event documents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StreamView.class),
                    examples = @ExampleObject(name = "RU/whatsapp", value = """
                            {"stream": "RU/whatsapp", "version": 1, "events": [{"eventId": "3f1c2a7e-…",
                              "stream": "RU/whatsapp", "streamVersion": 1, "type": "restriction.imposed",
                              "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
                              "hash": "9b0d…", "event": {"measure": "FULL_BLOCK"}}]}""")))
    @APIResponse(responseCode = "404", description = "An unknown country or platform")
    public StreamView get(@PathParam("country") String country, @PathParam("platform") String platform) {
        StreamId stream = Streams.stream(country, platform);
        List<JsonNode> events = store.storedDocuments(stream).stream().map(Json::tree).toList();
        return new StreamView(stream.toString(),
                events.isEmpty() ? 0 : events.get(events.size() - 1).path("streamVersion").asLong(), events);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the stream's hash chain and report the first broken link, if any")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChainVerifier.Verification.class),
            examples = @ExampleObject(name = "valid", value = """
                    {"stream": "RU/whatsapp", "valid": true, "checked": 3}""")))
    @APIResponse(responseCode = "404", description = "An unknown country or platform")
    public ChainVerifier.Verification verify(@PathParam("country") String country, @PathParam("platform") String platform) {
        StreamId stream = Streams.stream(country, platform);
        return ChainVerifier.verifyReceived(stream, store.storedDocuments(stream));
    }
}
