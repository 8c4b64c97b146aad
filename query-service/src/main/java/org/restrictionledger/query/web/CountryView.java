package org.restrictionledger.query.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.status.Fine;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.read.EventFields;
import org.restrictionledger.query.read.ReadModel;
import org.restrictionledger.query.read.Timeline;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the country page: statuses from the read model, the timeline from the read model's {@link Timeline}, the one
 * the timeline API reads too (one page of {@link #TIMELINE_LIMIT}, the rest in its CSV), so the page and the API
 * cannot disagree.
 */
@ApplicationScoped
public class CountryView {

    static final int TIMELINE_LIMIT = 500;

    private final ReadModel readModel;
    private final Timeline timeline;

    CountryView(ReadModel readModel, Timeline timeline) {
        this.readModel = readModel;
        this.timeline = timeline;
    }

    CountryPage country(String code, LocalDate asOf) {
        long after = readModel.lastChange();
        String day = WorldQuery.query(asOf, null, null, null);
        List<StreamStatus> statuses = readModel.country(code, new ReadModel.When(asOf, null)).stream()
                .sorted(Comparator.comparing(StreamStatus::status).thenComparing(s -> Text.platformName(s.stream().platform())))
                .toList();
        Status worst = statuses.stream().map(StreamStatus::status).reduce(Status.OPEN, Status::over);

        List<CountryPage.Platform> platforms = statuses.stream().map(s -> new CountryPage.Platform(
                s.stream().platform(), Text.platformName(s.stream().platform()),
                "/platforms/" + s.stream().platform() + day, StatusLabel.of(s.status()), Text.effective(s.since()),
                s.activeMeasures().stream().map(Details::measure).toList(), Text.features(s.restrictedFeatures()),
                s.promotion() == null ? null : "Promoted by the state since " + Text.effective(s.promotion().since())
                        + (s.promotion().replaces().isEmpty() ? "" : " to replace "
                        + String.join(", ", s.promotion().replaces().stream().map(Text::platformName).toList())),
                s.fineSummary().count())).toList();

        List<CountryPage.FineRow> fines = statuses.stream().flatMap(s -> s.fines().stream()
                        .map(f -> fineRow(Text.platformName(s.stream().platform()), f)))
                .toList();
        List<Money> totals = Money.totals(statuses.stream().flatMap(s -> s.fineSummary().totals().stream()).toList());
        List<Money> outstanding = Money.totals(statuses.stream()
                .flatMap(s -> s.fineSummary().outstanding().stream()).toList());

        // The timeline up to the day shown: what was known to have taken effect by then.
        Timeline.Page page = timeline.page(new Timeline.Filter(code, null, null, asOf, null, null), TIMELINE_LIMIT);
        String api = "/api/v1/countries/" + code;
        String asOfParam = asOf == null ? "" : "&asOf=" + asOf;
        return new CountryPage(code, Countries.nameOf(code), StatusLabel.of(statuses.isEmpty() ? null : worst),
                asOf == null ? "" : asOf.toString(), asOf == null ? "today" : "as in effect on " + asOf,
                platforms, fines, Text.money(totals), Text.money(outstanding),
                page.items().stream().map(CountryView::event).toList(),
                page.nextCursor() == null ? null : "Only the first " + TIMELINE_LIMIT + " events are shown here",
                new CountryPage.Csv(api + "/platforms?format=csv" + asOfParam, "/api/v1/fines?format=csv&country=" + code,
                        api + "/timeline?format=csv" + (asOf == null ? "" : "&to=" + asOf)),
                after);
    }

    private static CountryPage.FineRow fineRow(String platform, Fine f) {
        return new CountryPage.FineRow(platform, f.amount() == null ? "amount not reported" : Text.money(f.amount()),
                Text.label(f.state()), Text.effective(f.imposedOn()), Text.effective(f.settledOn()), f.authority(),
                f.reason(), Details.sources(f.sources()));
    }

    private static CountryPage.Event event(Timeline.Entry e) {
        LedgerEvent event = e.event();
        Timeline.CorrectedBy by = e.correctedBy();
        String note = by == null ? null : (by.action() == RecordCorrected.Action.RETRACT ? "Retracted" : "Amended")
                + " by a later correction: " + by.reason()
                + (by.amended() == null ? "" : ". Now reads: " + summary(by.amended()) + " (" + Text.effective(by.amended().effective()) + ")");
        return new CountryPage.Event(Text.effective(event.effective()), Text.platformName(e.platform()),
                typeLabel(event), summary(event), EventFields.authority(event), EventFields.reason(event), Details.sources(event.sources()),
                Text.recorded(e.recordedAt()), event instanceof RecordCorrected, note,
                by != null && by.action() == RecordCorrected.Action.RETRACT);
    }

    private static String typeLabel(LedgerEvent event) {
        String[] parts = event.type().split("\\.");
        String words = parts[0] + " " + parts[1];
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One line on what the event did. */
    static String summary(LedgerEvent event) {
        if (event instanceof RestrictionImposed i) {
            return Text.label(i.measure()) + features(i.features());
        }
        if (event instanceof RestrictionChanged c) {
            return Text.label(c.direction()) + " to " + Text.label(c.measure()).toLowerCase() + features(c.features());
        }
        if (event instanceof RestrictionLifted l) {
            return Text.label(l.measure()) + " lifted";
        }
        if (event instanceof FineImposed f) {
            return f.amount() == null ? "Fine (amount not reported)" : "Fine of " + Text.money(new Money(f.currency(), f.amount()));
        }
        if (event instanceof FinePaid) {
            return "Fine paid";
        }
        if (event instanceof FineAnnulled) {
            return "Fine annulled";
        }
        if (event instanceof AlternativePromoted p) {
            return "Promoted" + (p.replaces().isEmpty() ? "" : " to replace "
                    + String.join(", ", p.replaces().stream().map(Text::platformName).toList()));
        }
        RecordCorrected c = (RecordCorrected) event;
        return (c.action() == RecordCorrected.Action.RETRACT ? "Retracts" : "Amends") + " an earlier entry";
    }

    private static String features(List<String> features) {
        return features.isEmpty() ? "" : " (" + Text.features(features) + ")";
    }
}
