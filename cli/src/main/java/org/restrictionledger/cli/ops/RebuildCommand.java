package org.restrictionledger.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Response;
import org.restrictionledger.cli.http.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code rl rebuild}: {@code POST /api/v1/projection/rebuild}, then (by default) follows it to the end. */
@Command(name = "rebuild", description = "Rebuilds the query service's read model from offset 0 of the events topic "
        + "(the current tables serve until the switch) and waits for it to finish.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rebuilt (or started, with --no-wait)", "1:the rebuild failed", "2:a rebuild is already running",
                "3:query unreachable", "5:still running when --wait ran out", "6:token needed (operator)"})
public final class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @Option(names = "--wait", defaultValue = "600", paramLabel = "SECONDS",
            description = "how long to follow the rebuild; 0 returns once it started (default ${DEFAULT-VALUE})")
    long waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Service query = rl.query();
        PrintWriter out = spec.commandLine().getOut();
        Response started = query.post("/api/v1/projection/rebuild", null, null, Map.of());
        if (started.status() == 409) {
            throw new CliException(ExitCode.USAGE, "a rebuild is already running: " + started.problem()
                    + " (follow it with GET /api/v1/projection)");
        }
        query.expectOk(started, "POST /api/v1/projection/rebuild");
        out.println("rebuild started at " + started.json().path("startedAt").asText("?"));
        out.flush();
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (waitSeconds > 0) {
            JsonNode rebuild = query.getJson("/api/v1/projection").path("rebuild");
            String state = rebuild.path("state").asText();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                out.println("rebuild " + state.toLowerCase() + ": " + rebuild.path("eventsRead").asText() + " events read, "
                        + rebuild.path("streams").asText() + " streams, " + rebuild.path("changedStreams").asText()
                        + " changed" + (rebuild.hasNonNull("error") ? "; error: " + rebuild.get("error").asText() : ""));
                out.flush();
                return "DONE".equals(state) ? ExitCode.OK : ExitCode.FINDINGS;
            }
            if (System.nanoTime() > deadline) {
                out.println("rebuild still " + state.toLowerCase() + " after " + waitSeconds + " s: "
                        + rebuild.path("eventsRead").asText() + " events read so far");
                out.flush();
                return ExitCode.INCOMPLETE;
            }
            Thread.sleep(500);
        }
        return ExitCode.OK;
    }
}
