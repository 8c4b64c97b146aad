package org.restrictionledger.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events as the ledger would record them, for tests. */
final class Fixtures {

    static final StreamId WHATSAPP = StreamId.parse("RU/whatsapp");
    static final List<Source> SOURCES = List.of(new Source("https://example.org/story", "Example News", LocalDate.of(2026, 2, 12)));

    private Fixtures() {
    }

    static RestrictionImposed imposed(Measure measure, String effective, String... features) {
        return imposedBy("Roskomnadzor", measure, effective, features);
    }

    static RestrictionImposed imposedBy(String authority, Measure measure, String effective, String... features) {
        return new RestrictionImposed(measure, List.of(features), authority, LegalBasis.OTHER, "stated reason",
                effective(effective), SOURCES);
    }

    static RestrictionLifted lifted(UUID restrictionId, Measure measure, String effective) {
        return new RestrictionLifted(restrictionId, measure, "Roskomnadzor", "eased", effective(effective), SOURCES);
    }

    static RecordedEvent recorded(long version, LedgerEvent event) {
        return EventHashing.seal(new RecordedEvent(UUID.nameUUIDFromBytes(("e" + version + event).getBytes()), WHATSAPP,
                version, 100 + version, Instant.parse("2026-02-12T10:00:00Z").plusSeconds(version), UUID.randomUUID(),
                EventHashing.GENESIS, null, event));
    }

    static Effective effective(String text) {
        return switch (text.length()) {
            case 4 -> new Effective(LocalDate.parse(text + "-01-01"), Precision.YEAR);
            case 7 -> new Effective(LocalDate.parse(text + "-01"), Precision.MONTH);
            default -> Effective.day(LocalDate.parse(text));
        };
    }
}
