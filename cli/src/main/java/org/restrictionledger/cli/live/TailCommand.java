package org.restrictionledger.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code rl tail [--country CC]}: follows {@code GET /api/v1/stream} (SSE) and prints one line per status change.
 * When the connection drops it reconnects with {@code Last-Event-ID}, so no change is missed or printed twice.
 */
@Command(name = "tail", description = "Follows the live status changes from the query service (SSE), one line each; "
        + "reconnects without gaps. Ctrl-C stops.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--max changes printed", "3:query unreachable (at start)", "4:unknown country"})
public final class TailCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @Option(names = "--country", paramLabel = "CC", description = "only this country (code or English name)")
    String country;

    @Option(names = "--after", paramLabel = "SEQ", description = "start after this change (an id printed earlier); "
            + "default: from now")
    String after;

    @Option(names = "--max", paramLabel = "N", description = "stop after N changes (default: never)")
    Long max;

    @Override
    public Integer call() {
        String code = country == null ? null : Countries.resolve(country)
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "unknown country '" + country + "'"));
        Service query = rl.query();
        PrintWriter out = spec.commandLine().getOut();
        long[] printed = {0};
        SseParser parser = new SseParser(event -> {
            if (!"status".equals(event.name())) {
                return;
            }
            JsonNode change = Json.tree(event.data());
            String stream = change.path("stream").asText();
            if (code == null || stream.startsWith(code + "/")) {
                out.println(line(change));
                out.flush();
                printed[0]++;
            }
        });
        String resume = after;
        boolean connectedOnce = false;
        Duration pause = Duration.ofMillis(500);
        while (max == null || printed[0] < max) {
            HttpRequest.Builder request = query.request("/api/v1/stream").timeout(Duration.ofDays(365))
                    .header("Accept", "text/event-stream").GET();
            if (resume != null) {
                request.header("Last-Event-ID", resume);
            }
            try {
                HttpResponse<Stream<String>> response = query.client().send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw query.failure(new org.restrictionledger.cli.http.Response(response.statusCode(), "",
                            java.util.Optional.empty(), java.util.Optional.empty()), "GET /api/v1/stream");
                }
                if (!connectedOnce) {
                    spec.commandLine().getErr().println("following " + query.base() + "/api/v1/stream"
                            + (code == null ? "" : " for " + code) + " (Ctrl-C stops)");
                    connectedOnce = true;
                }
                pause = Duration.ofMillis(500);
                try (Stream<String> lines = response.body()) {
                    var iterator = lines.iterator();
                    while ((max == null || printed[0] < max) && iterator.hasNext()) {
                        parser.line(iterator.next());
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                if (!connectedOnce) {
                    throw query.unreachable(e);
                }
                spec.commandLine().getErr().println("rl: the stream dropped (" + e.getMessage() + "); reconnecting");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.OK;
            }
            resume = parser.lastId() != null ? parser.lastId() : resume;
            if (max == null || printed[0] < max) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
            }
        }
        return ExitCode.OK;
    }

    /** {@code 2026-02-12T10:00:00Z  RU/whatsapp  BLOCKED  v4  #17}. */
    static String line(JsonNode change) {
        return String.join("  ", change.path("changedAt").asText(), change.path("stream").asText(),
                change.path("status").asText(), "v" + change.path("version").asText(), "#" + change.path("seq").asText());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
