package org.restrictionledger.query.web;

import org.restrictionledger.events.Source;
import org.restrictionledger.events.status.ActiveMeasure;

import java.util.List;
import java.util.Locale;

/** The parts of a status that the country and platform pages both show: measures in force and their sources. */
public final class Details {

    private Details() {
    }

    /** @param href null when the source has no web address, or one that is not http(s): shown as text, never a link */
    public record SourceLink(String href, String text) {
    }

    public record Measure(String measure, String features, String authority, String legalBasis, String reason,
                          String since, List<SourceLink> sources) {
    }

    static Measure measure(ActiveMeasure m) {
        return new Measure(Text.label(m.measure()), Text.features(m.features()), m.authority(),
                Text.label(m.legalBasis()), m.reason(), Text.effective(m.since()), sources(m.sources()));
    }

    static List<SourceLink> sources(List<Source> sources) {
        return sources.stream().map(Details::source).toList();
    }

    private static SourceLink source(Source s) {
        // A report's URL is only made a link when it is http(s): a javascript: or data: URL stays text.
        String href = s.url() != null && s.url().toLowerCase(Locale.ROOT).matches("https?://.+") ? s.url() : null;
        String text = s.publisher() != null ? s.publisher() : s.url() != null ? s.url() : "source";
        if (s.publishedOn() != null) {
            text += ", " + s.publishedOn();
        }
        return new SourceLink(href, text);
    }
}
