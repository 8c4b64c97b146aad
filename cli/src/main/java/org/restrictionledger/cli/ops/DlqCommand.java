package org.restrictionledger.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Response;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.cli.query.Table;
import org.restrictionledger.events.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rl dlq list|redrive}: the streams the projection parked (an event it could not apply; the stream's later
 * events wait in order) and re-driving them after a fix. Served by the query service: {@code GET /api/v1/projection}
 * lists them ({@code parked}), {@code POST /api/v1/projection/parked/redrive[?stream=CC/platform]} re-drives.
 */
@Command(name = "dlq", description = "Parked streams and dead letters of the projection.",
        subcommands = {DlqCommand.ListParked.class, DlqCommand.Redrive.class})
public final class DlqCommand {

    @ParentCommand
    Rl rl;

    /** The member of {@code GET /api/v1/projection} that lists parked streams. */
    static final String PARKED = "parked";

    @Command(name = "list", description = "Lists the parked streams with why they were parked.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing parked", "1:streams are parked", "3:query unreachable",
                    "4:this query service does not report parked streams"})
    static final class ListParked implements java.util.concurrent.Callable<Integer> {

        @ParentCommand
        DlqCommand dlq;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode projection = dlq.rl.query().getJson("/api/v1/projection");
            JsonNode parked = projection.get(PARKED);
            if (parked == null || !parked.isArray()) {
                throw new CliException(ExitCode.NOT_FOUND, "the query service at " + dlq.rl.query().base()
                        + " does not report parked streams in GET /api/v1/projection (it predates parking)");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(render(parked));
            out.flush();
            return parked.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
        }
    }

    /** A table of parked streams: the stream and reason first, then whatever else the server says of each. */
    static String render(JsonNode parked) {
        if (parked.isEmpty()) {
            return "no parked streams\n";
        }
        List<String> columns = new ArrayList<>(List.of("stream", "reason"));
        for (JsonNode item : parked) {
            item.fieldNames().forEachRemaining(name -> {
                if (!columns.contains(name)) {
                    columns.add(name);
                }
            });
        }
        Table table = new Table(columns.stream().map(c -> c.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase()).toArray(String[]::new));
        for (JsonNode item : parked) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                JsonNode value = item.path(columns.get(i));
                cells[i] = value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : Json.write(value);
            }
            table.row(cells);
        }
        return table.render();
    }

    @Command(name = "redrive", description = "Re-drives parked streams (all, or the ones named) after the cause was "
            + "fixed: their waiting events apply in order, exactly once. Prints per stream what was applied.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:re-driven", "1:a stream is still parked", "2:malformed stream id", "3:query unreachable",
                    "4:this query service has no redrive endpoint", "6:token needed (operator)"})
    static final class Redrive implements java.util.concurrent.Callable<Integer> {

        @ParentCommand
        DlqCommand dlq;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "CC/PLATFORM", description = "only these streams (default: every parked one)")
        List<String> streams = new ArrayList<>();

        @Override
        public Integer call() {
            Service query = dlq.rl.query();
            String path = "/api/v1/projection/parked/redrive";
            List<String> targets = streams.isEmpty() ? List.of("") : streams;
            List<JsonNode> results = new ArrayList<>();
            for (String stream : targets) {
                String url = stream.isEmpty() ? path : path + "?stream=" + URLEncoder.encode(stream, StandardCharsets.UTF_8);
                Response response = query.post(url, null, null, Map.of());
                if (response.status() == 404 || response.status() == 405) {
                    throw new CliException(ExitCode.NOT_FOUND, "query answered " + response.status() + " to POST " + path
                            + ": the query service at " + query.base() + " has no redrive endpoint (it predates parking)");
                }
                query.expectOk(response, "POST " + url);
                JsonNode answer = response.json();
                if (answer.isArray()) {
                    answer.forEach(results::add);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(results.isEmpty() ? "nothing was parked\n" : render(Json.mapper().valueToTree(results)));
            out.flush();
            boolean stillParked = results.stream().anyMatch(r -> r.path("stillParked").asBoolean());
            return stillParked ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }
}
