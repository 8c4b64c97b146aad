package org.restrictionledger.query.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.AlternativePromoted;
import org.restrictionledger.events.Direction;
import org.restrictionledger.events.FineAnnulled;
import org.restrictionledger.events.FineImposed;
import org.restrictionledger.events.FinePaid;
import org.restrictionledger.events.LedgerEvent;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordCorrected;
import org.restrictionledger.events.RestrictionChanged;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.RestrictionLifted;
import org.restrictionledger.events.json.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.restrictionledger.query.read.Recorded.SOURCES;
import static org.restrictionledger.query.read.Recorded.day;

/**
 * {@code authority} and {@code reason} read from the typed event are what the event says as published (its JSON), for
 * every type of the family, set or not.
 */
class EventFieldsTest {

    private static List<LedgerEvent> everyType(String authority, String reason) {
        UUID id = UUID.randomUUID();
        RestrictionImposed imposed = new RestrictionImposed(Measure.FULL_BLOCK, List.of(), authority, LegalBasis.OTHER,
                reason, day(2026, 2, 1), SOURCES);
        return List.of(imposed,
                new RestrictionChanged(id, Direction.ESCALATED, Measure.THROTTLING, List.of(), authority, null, reason,
                        day(2026, 3, 1), SOURCES),
                new RestrictionLifted(id, Measure.FULL_BLOCK, authority, reason, day(2026, 4, 1), SOURCES),
                new FineImposed(new BigDecimal("1.00"), "EUR", authority, null, reason, day(2026, 5, 1), SOURCES),
                new FinePaid(id, authority, reason, day(2026, 6, 1), SOURCES),
                new FineAnnulled(id, authority, reason, day(2026, 7, 1), SOURCES),
                new AlternativePromoted(List.of("whatsapp"), List.of("messaging"), authority, reason, day(2026, 8, 1), SOURCES),
                new RecordCorrected(id, RecordCorrected.Action.AMEND, imposed, reason == null ? "why" : reason,
                        day(2026, 9, 1), SOURCES));
    }

    @Test
    void readsWhatTheJsonSays() {
        for (LedgerEvent event : everyType("Roskomnadzor", "non-compliance")) {
            JsonNode json = Json.mapper().valueToTree(event);
            assertEquals(json.path("reason").asText(null), EventFields.reason(event), event.type());
            assertEquals(json.path("authority").asText(null), EventFields.authority(event), event.type());
        }
        assertEquals("non-compliance", EventFields.reason(everyType("A", "non-compliance").get(0)));
    }

    @Test
    void absentFieldsAreNull() {
        for (LedgerEvent event : everyType(null, null)) {
            assertNull(EventFields.authority(event), event.type());
            if (!(event instanceof RecordCorrected)) {
                assertNull(EventFields.reason(event), event.type());
            }
        }
    }
}
