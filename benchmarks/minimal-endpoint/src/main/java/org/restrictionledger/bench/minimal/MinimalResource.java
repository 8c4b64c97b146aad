package org.restrictionledger.bench.minimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The cheapest requests Quarkus REST can serve, on a worker thread like the query API's blocking resources: a
 * plain-text greeting, and a fixed list of seven small JSON objects (about the shape of a country's platform list in
 * the sample data) serialised by Jackson on every request.
 */
@Path("/")
public class MinimalResource {

    /** One row of the fixed list. */
    public record Item(String stream, String status, long version, List<String> features) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("RU/whatsapp", "BLOCKED", 6, List.of("voice_calls", "video_calls")),
            new Item("RU/telegram", "RESTRICTED", 4, List.of("voice_calls")),
            new Item("RU/facebook", "BLOCKED", 2, List.of()),
            new Item("RU/instagram", "BLOCKED", 2, List.of()),
            new Item("RU/youtube", "THROTTLED", 3, List.of()),
            new Item("RU/facetime", "BLOCKED", 1, List.of()),
            new Item("RU/max", "OPEN", 1, List.of()));

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }

    @GET
    @Path("items")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Item> items() {
        return ITEMS;
    }
}
