package org.restrictionledger.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.events.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rl status CC [PLATFORM] [--as-of D] [--known-at T]}: the query API's status as a table. */
@Command(name = "status", description = "The status of every platform in a country, or of one platform in detail "
        + "(active measures with authority and sources, fines), as a table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:malformed date", "3:query unreachable", "4:unknown country or platform, or no record"})
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CC", description = "country: ISO code or English name (RU, Russia)")
    String country;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PLATFORM", description = "platform: name, alias or slug")
    String platform;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "valid time: what was in effect that day")
    String asOf;

    @Option(names = "--known-at", paramLabel = "RFC3339", description = "transaction time: what the ledger had recorded then")
    String knownAt;

    @Option(names = "--json", description = "print the query API's JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        Service query = rl.query();
        String path = "/api/v1/countries/" + segment(country) + "/platforms"
                + (platform == null ? "" : "/" + segment(platform)) + query();
        JsonNode answer = query.getJson(path);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(answer));
        } else if (platform == null) {
            out.print(country(answer));
        } else {
            out.print(platform(answer));
        }
        out.flush();
        return ExitCode.OK;
    }

    private String query() {
        List<String> params = new ArrayList<>();
        if (asOf != null) {
            params.add("asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8));
        }
        if (knownAt != null) {
            params.add("knownAt=" + URLEncoder.encode(knownAt, StandardCharsets.UTF_8));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line per platform. */
    static String country(JsonNode answer) {
        StringBuilder out = new StringBuilder(heading(answer));
        Table table = new Table("PLATFORM", "STATUS", "SINCE", "MEASURES", "PROMOTED", "FINES", "OUTSTANDING", "VERSION");
        for (JsonNode p : answer.path("platforms")) {
            List<String> measures = new ArrayList<>();
            p.path("activeMeasures").forEach(m -> measures.add(Render.measure(m)));
            table.row(p.path("stream").asText().replaceFirst("^[A-Z]{2}/", ""), p.path("status").asText(),
                    Render.effective(p.path("since")), String.join(", ", measures),
                    p.path("promoted").asBoolean() ? "yes" : "", fines(p.path("fineSummary")),
                    Render.money(p.path("fineSummary").path("outstanding")), p.path("version").asText());
        }
        return table.isEmpty() ? out + "no platform has a record in this country\n" : out + table.render();
    }

    /** {@code 2: 4000000.00 RUB}; just the count when no amount was reported. */
    private static String fines(JsonNode summary) {
        int count = summary.path("count").asInt(0);
        String totals = Render.money(summary.path("totals"));
        return count == 0 ? "" : totals.isEmpty() ? Integer.toString(count) : count + ": " + totals;
    }

    private static String heading(JsonNode answer) {
        String when = (answer.hasNonNull("asOf") ? " as of " + answer.get("asOf").asText() : "")
                + (answer.hasNonNull("knownAt") ? " as known at " + answer.get("knownAt").asText() : "");
        return answer.path("countryName").asText(answer.path("country").asText()) + " ("
                + answer.path("country").asText() + ")" + when + "\n";
    }

    /** One platform: its status, then its measures and its fines as tables. */
    static String platform(JsonNode s) {
        StringBuilder out = new StringBuilder();
        out.append(s.path("stream").asText()).append(": ").append(s.path("status").asText());
        if (s.hasNonNull("since")) {
            out.append(" since ").append(Render.effective(s.path("since")));
        }
        out.append(" (version ").append(s.path("version").asText()).append(", last change ")
                .append(s.path("lastChange").asText("-")).append(")\n");
        if (s.path("promoted").asBoolean()) {
            JsonNode promotion = s.path("promotion");
            out.append("promoted by the state to replace ").append(Render.list(promotion.path("replaces"), ", "))
                    .append(" since ").append(Render.effective(promotion.path("since"))).append('\n');
        }
        Table measures = new Table("MEASURE", "SINCE", "AUTHORITY", "LEGAL BASIS", "REASON", "SOURCES", "RESTRICTION ID");
        for (JsonNode m : s.path("activeMeasures")) {
            List<String> sources = new ArrayList<>();
            m.path("sources").forEach(src -> sources.add(src.path("url").asText(src.path("publisher").asText(""))));
            measures.row(Render.measure(m), Render.effective(m.path("since")), m.path("authority").asText(""),
                    m.path("legalBasis").asText(""), m.path("reason").asText(""), String.join(" ", sources),
                    m.path("restrictionId").asText());
        }
        out.append('\n').append(measures.isEmpty() ? "no active measures\n" : "Active measures\n" + measures.render());
        Table fines = new Table("IMPOSED", "AMOUNT", "STATE", "AUTHORITY", "FINE ID");
        for (JsonNode f : s.path("fines")) {
            JsonNode amount = f.path("amount");
            fines.row(Render.effective(f.path("imposedOn")), amount.isObject()
                            ? amount.path("amount").asText() + " " + amount.path("currency").asText() : "(not reported)",
                    f.path("state").asText(), f.path("authority").asText(""), f.path("fineId").asText());
        }
        if (!fines.isEmpty()) {
            JsonNode summary = s.path("fineSummary");
            String totals = Render.money(summary.path("totals"));
            out.append("\nFines (total ").append(totals.isEmpty() ? "not reported" : totals).append("; outstanding ")
                    .append(Render.money(summary.path("outstanding")).isEmpty() ? "none known" : Render.money(summary.path("outstanding")))
                    .append(")\n").append(fines.render());
        }
        return out.toString();
    }
}
