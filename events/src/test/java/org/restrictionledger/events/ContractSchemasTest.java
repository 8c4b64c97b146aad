package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the services write on commands, outcomes and status is what the published schemas describe. */
class ContractSchemasTest {

    private static final StreamId STREAM = Fixtures.WHATSAPP;
    private static final Effective WHEN = Fixtures.effective("2026-02-12");
    private static final Instant NOW = Instant.parse("2026-02-12T10:00:00Z");

    private static JsonNode json(Object value) {
        return Json.tree(Json.write(value));
    }

    @Test
    void everyKindOfCommandMatchesTheCommandSchema() {
        UUID id = UUID.randomUUID();
        List<LedgerCommand> commands = List.of(
                new ImposeRestriction(id, STREAM, Measure.FEATURE_LIMIT, List.of("voice_calls"), "Roskomnadzor",
                        LegalBasis.OTHER, "reason", WHEN, Fixtures.SOURCES, NOW),
                new ImposeRestriction(id, STREAM, Measure.FULL_BLOCK, null, null, null, null, WHEN, Fixtures.SOURCES, NOW),
                new ChangeRestriction(id, STREAM, Measure.FEATURE_LIMIT, null, Direction.ESCALATED, Measure.FULL_BLOCK,
                        null, null, null, null, WHEN, Fixtures.SOURCES, NOW),
                new LiftRestriction(id, STREAM, Measure.FULL_BLOCK, UUID.randomUUID(), null, null, WHEN,
                        Fixtures.SOURCES, NOW),
                new ImposeFine(id, STREAM, new BigDecimal("4000000.00"), "RUB", "court", LegalBasis.OTHER, null, WHEN,
                        Fixtures.SOURCES, NOW),
                new ImposeFine(id, STREAM, null, null, null, null, null, WHEN, Fixtures.SOURCES, NOW),
                new SettleFine(id, STREAM, SettleFine.Settlement.PAID, UUID.randomUUID(), null, null, WHEN,
                        Fixtures.SOURCES, NOW),
                new PromoteAlternative(id, STREAM, List.of("whatsapp", "telegram"), List.of("payments"), null, null,
                        WHEN, Fixtures.SOURCES, NOW),
                new CorrectRecord(id, STREAM, UUID.randomUUID(), RecordCorrected.Action.AMEND,
                        Fixtures.imposed(Measure.THROTTLING, "2026-02-01"), "wrong measure", WHEN, Fixtures.SOURCES, NOW),
                new CorrectRecord(id, STREAM, UUID.randomUUID(), RecordCorrected.Action.RETRACT, null, "never happened",
                        WHEN, Fixtures.SOURCES, NOW));
        for (LedgerCommand command : commands) {
            assertEquals(List.of(), EventSchemas.validate(EventSchemas.COMMAND, json(command)), Json.write(command));
        }
        ObjectNode noFineId = (ObjectNode) json(commands.get(6));
        noFineId.remove("fineId");
        assertFalse(EventSchemas.validate(EventSchemas.COMMAND, noFineId).isEmpty());
        ObjectNode unknownKind = (ObjectNode) json(commands.get(0));
        unknownKind.put("kind", "restriction.nuke");
        assertFalse(EventSchemas.validate(EventSchemas.COMMAND, unknownKind).isEmpty());
    }

    @Test
    void bothOutcomesMatchTheOutcomeSchema() {
        CommandOutcome accepted = CommandOutcome.accepted(UUID.randomUUID(), STREAM, List.of(UUID.randomUUID()), 3, NOW);
        CommandOutcome rejected = CommandOutcome.rejected(UUID.randomUUID(), STREAM, 2, "duplicate", NOW);
        assertEquals(List.of(), EventSchemas.validate(EventSchemas.OUTCOME, json(accepted)));
        assertEquals(List.of(), EventSchemas.validate(EventSchemas.OUTCOME, json(rejected)));
        ObjectNode noReason = (ObjectNode) json(rejected);
        noReason.remove("reason");
        assertFalse(EventSchemas.validate(EventSchemas.OUTCOME, noReason).isEmpty());
    }

    @Test
    void foldedStatusesMatchTheStatusSchema() {
        RecordedEvent imposed = Fixtures.recorded(1, Fixtures.imposed(Measure.FEATURE_LIMIT, "2025-12", "voice_calls"));
        RecordedEvent fine = Fixtures.recorded(2, new FineImposed(new BigDecimal("4000000.10"), "RUB", "court",
                LegalBasis.OTHER, "no local office", Fixtures.effective("2026-01-20"), Fixtures.SOURCES));
        RecordedEvent promoted = Fixtures.recorded(3, new AlternativePromoted(List.of("whatsapp"), List.of("payments"),
                "government", "sovereignty", Fixtures.effective("2026-02"), Fixtures.SOURCES));
        for (List<RecordedEvent> events : List.of(List.<RecordedEvent>of(), List.of(imposed),
                List.of(imposed, fine, promoted))) {
            StreamStatus status = StatusFold.fold(STREAM, events);
            assertEquals(List.of(), EventSchemas.validate(EventSchemas.STATUS, json(status)), Json.write(status));
            // Self-describing: the names come with the codes; absent members are left out, not null.
            assertEquals(STREAM.country(), json(status).path("country").asText());
            assertEquals(STREAM.platform(), json(status).path("platform").asText());
            assertFalse(json(status).path("countryName").asText().isEmpty());
            assertFalse(json(status).path("platformName").asText().isEmpty());
            assertFalse(Json.write(status).contains(":null"), Json.write(status));
        }
    }

    @Test
    void fineAmountsOfAnySizeUpToTheBoundMatchTheEventSchemaAndAreWrittenPlain() {
        String largest = "9".repeat(Money.MAX_INTEGER_DIGITS) + ".9999";
        for (String amount : List.of("1" + "0".repeat(40) + ".25", largest, "1E+40")) {
            RecordedEvent fine = Fixtures.recorded(1, new FineImposed(new BigDecimal(amount), "RUB", "court", null, null,
                    Fixtures.effective("2026-01-20"), Fixtures.SOURCES));
            JsonNode document = json(fine);
            assertEquals(new BigDecimal(amount).toPlainString(), document.path("event").path("amount").asText());
            assertEquals(List.of(), EventSchemas.validate(document), Json.write(fine));
            StreamStatus status = StatusFold.fold(STREAM, List.of(fine));
            assertEquals(List.of(), EventSchemas.validate(EventSchemas.STATUS, json(status)), Json.write(status));
        }
        // No FineImposed can hold an amount beyond the bound (its constructor refuses it): a partner's document can.
        ObjectNode beyond = (ObjectNode) json(Fixtures.recorded(1, new FineImposed(new BigDecimal("1"), "RUB", "court",
                null, null, Fixtures.effective("2026-01-20"), Fixtures.SOURCES)));
        ((ObjectNode) beyond.path("event")).put("amount", "1" + "0".repeat(Money.MAX_INTEGER_DIGITS));
        assertFalse(EventSchemas.validate(beyond).isEmpty());
        assertFalse(Money.withinBounds(new BigDecimal("1" + "0".repeat(Money.MAX_INTEGER_DIGITS))));
        assertTrue(Money.withinBounds(new BigDecimal(largest)));
    }
}
