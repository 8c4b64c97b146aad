package org.restrictionledger.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code rl timeline CC [PLATFORM]}: every event in effective-date order, every page, corrections marked. */
@Command(name = "timeline", description = "The events of a country (or of one platform there) in effective-date "
        + "order, with corrected events marked, as a table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:malformed option", "3:query unreachable", "4:unknown country or platform"})
public final class TimelineCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CC", description = "country: ISO code or English name")
    String country;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PLATFORM", description = "only this platform")
    String platform;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "effective on or after")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "effective on or before")
    String to;

    @Override
    public Integer call() {
        Service query = rl.query();
        StringBuilder base = new StringBuilder("/api/v1/countries/" + StatusCommand.segment(country) + "/timeline?limit=500");
        param(base, "platform", platform);
        param(base, "from", from);
        param(base, "to", to);
        Table table = new Table("EFFECTIVE", "STREAM", "V", "TYPE", "WHAT", "CORRECTED", "EVENT ID");
        String cursor = null;
        do {
            JsonNode page = query.getJson(base + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(item -> row(table, item));
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table.isEmpty() ? "no events\n" : table.render());
        out.flush();
        return ExitCode.OK;
    }

    private static void param(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static void row(Table table, JsonNode item) {
        JsonNode corrected = item.path("correctedBy");
        String correction = corrected.isObject()
                ? corrected.path("action").asText().toLowerCase() + "ed by " + corrected.path("eventId").asText()
                        .substring(0, 8) + ": " + corrected.path("reason").asText("")
                : "";
        table.row(Render.effective(item.path("effective")), item.path("stream").asText(),
                item.path("streamVersion").asText(), item.path("type").asText(), what(item.path("event")), correction,
                item.path("eventId").asText());
    }

    /** The gist of an event: its measure, amount, target or promotion. */
    static String what(JsonNode event) {
        String type = event.path("type").asText();
        return switch (type) {
            case "restriction.imposed", "restriction.lifted" -> Render.measure(event) + by(event);
            case "restriction.changed" -> event.path("direction").asText().toLowerCase() + " to " + Render.measure(event) + by(event);
            case "fine.imposed" -> (event.path("amount").isNull() || event.path("amount").isMissingNode()
                    ? "amount not reported" : event.path("amount").asText() + " " + event.path("currency").asText()) + by(event);
            case "fine.paid", "fine.annulled" -> "fine " + event.path("fineId").asText();
            case "alternative.promoted" -> "replaces " + Render.list(event.path("replaces"), ", ") + by(event);
            case "record.corrected" -> event.path("action").asText().toLowerCase() + " " + event.path("targetEventId").asText()
                    + ": " + event.path("reason").asText("");
            default -> "";
        };
    }

    private static String by(JsonNode event) {
        return event.hasNonNull("authority") ? " by " + event.get("authority").asText() : "";
    }
}
