package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.command.ChangeRestriction;
import org.restrictionledger.events.command.CorrectRecord;
import org.restrictionledger.events.command.ImposeFine;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.command.LiftRestriction;
import org.restrictionledger.events.command.PromoteAlternative;
import org.restrictionledger.events.command.SettleFine;
import org.restrictionledger.events.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's rules live in its types: a command builds the event it proposes, the event refuses what breaks one. */
class ContractRulesTest {

    private static final StreamId STREAM = StreamId.parse("RU/whatsapp");
    private static final Effective EFFECTIVE = Fixtures.effective("2026-01-20");
    private static final Instant NOW = Instant.parse("2026-02-13T08:00:00Z");

    private static ContractViolation refused(Runnable construction) {
        return assertThrows(ContractViolation.class, construction::run);
    }

    private static FineImposed fine(String amount, String currency) {
        return new FineImposed(amount == null ? null : new BigDecimal(amount), currency, "court", null, null, EFFECTIVE,
                Fixtures.SOURCES);
    }

    @Test
    void aFineHasBothAmountAndCurrencyOrNeitherAPositiveBoundedAmountAndAnIsoCurrency() {
        assertNull(fine(null, null).amount());
        assertEquals(new BigDecimal("4000000.00"), fine("4000000.00", "RUB").amount());
        assertEquals("amount", refused(() -> fine("100", null)).field());
        assertEquals(Money.TOGETHER, refused(() -> fine(null, "RUB")).getMessage());
        assertEquals("a fine's amount must be greater than zero, was 0.00", refused(() -> fine("0.00", "RUB")).getMessage());
        assertEquals("amount", refused(() -> fine("-5", "RUB")).field());
        assertEquals("amount", refused(() -> fine("1" + "0".repeat(Money.MAX_INTEGER_DIGITS), "RUB")).field());
        assertEquals("amount", refused(() -> fine("1.00001", "RUB")).field());
        ContractViolation currency = refused(() -> fine("100", "ZZZ"));
        assertEquals("currency", currency.field());
        assertTrue(currency.getMessage().startsWith("unknown currency 'ZZZ'"), currency.getMessage());
        assertEquals("currency", refused(() -> fine("100", "rub")).field());
        assertNull(Money.amountProblem(new BigDecimal("9".repeat(Money.MAX_INTEGER_DIGITS) + ".9999")));
        assertNull(Money.currencyProblem("USD"));
    }

    @Test
    void aRestrictionNamesItsMeasureAndAtMostTwentyLowerCaseFeatures() {
        assertEquals(List.of("voice_calls"), new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), null,
                null, null, EFFECTIVE, Fixtures.SOURCES).features());
        assertEquals(List.of(), new RestrictionImposed(Measure.FULL_BLOCK, null, null, null, null, EFFECTIVE,
                Fixtures.SOURCES).features());
        assertEquals("measure", refused(() -> new RestrictionImposed(null, List.of(), null, null, null, EFFECTIVE,
                Fixtures.SOURCES)).field());
        assertEquals("features", refused(() -> new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("Voice Calls"),
                null, null, null, EFFECTIVE, Fixtures.SOURCES)).field());
        assertEquals("features", refused(() -> new RestrictionChanged(UUID.randomUUID(), Direction.EASED,
                Measure.FEATURE_LIMIT, Collections.nCopies(Features.MAX + 1, "calls"), null, null, null, EFFECTIVE,
                Fixtures.SOURCES)).field());
        assertEquals("measure", refused(() -> new RestrictionChanged(UUID.randomUUID(), Direction.EASED, null,
                List.of(), null, null, null, EFFECTIVE, Fixtures.SOURCES)).field());
    }

    @Test
    void eachCommandBuildsTheEventItProposesFieldForField() {
        UUID id = UUID.randomUUID();
        UUID restriction = UUID.randomUUID();
        assertEquals(new RestrictionImposed(Measure.FEATURE_LIMIT, List.of("voice_calls"), "RKN", LegalBasis.OTHER, "r",
                        EFFECTIVE, Fixtures.SOURCES),
                new ImposeRestriction(id, STREAM, Measure.FEATURE_LIMIT, List.of("voice_calls"), "RKN", LegalBasis.OTHER,
                        "r", EFFECTIVE, Fixtures.SOURCES, NOW).proposedEvent());
        assertEquals(new RestrictionChanged(restriction, Direction.ESCALATED, Measure.FULL_BLOCK, List.of(), "RKN",
                        LegalBasis.OTHER, "r", EFFECTIVE, Fixtures.SOURCES),
                new ChangeRestriction(id, STREAM, Measure.THROTTLING, null, Direction.ESCALATED, Measure.FULL_BLOCK,
                        List.of(), "RKN", LegalBasis.OTHER, "r", EFFECTIVE, Fixtures.SOURCES, NOW)
                        .proposedEvent(restriction));
        assertEquals(new RestrictionLifted(restriction, Measure.THROTTLING, "RKN", "r", EFFECTIVE, Fixtures.SOURCES),
                new LiftRestriction(id, STREAM, null, restriction, "RKN", "r", EFFECTIVE, Fixtures.SOURCES, NOW)
                        .proposedEvent(restriction, Measure.THROTTLING));
        assertEquals(new FineImposed(new BigDecimal("10.00"), "RUB", "court", null, "r", EFFECTIVE, Fixtures.SOURCES),
                new ImposeFine(id, STREAM, new BigDecimal("10.00"), "RUB", "court", null, "r", EFFECTIVE,
                        Fixtures.SOURCES, NOW).proposedEvent());
        assertEquals(new FinePaid(restriction, "court", "r", EFFECTIVE, Fixtures.SOURCES),
                new SettleFine(id, STREAM, SettleFine.Settlement.PAID, restriction, "court", "r", EFFECTIVE,
                        Fixtures.SOURCES, NOW).proposedEvent());
        assertEquals(new FineAnnulled(restriction, "court", "r", EFFECTIVE, Fixtures.SOURCES),
                new SettleFine(id, STREAM, SettleFine.Settlement.ANNULLED, restriction, "court", "r", EFFECTIVE,
                        Fixtures.SOURCES, NOW).proposedEvent());
        assertEquals(new AlternativePromoted(List.of("whatsapp"), List.of("payments"), "gov", "r", EFFECTIVE,
                        Fixtures.SOURCES),
                new PromoteAlternative(id, StreamId.parse("RU/max"), List.of("whatsapp"), List.of("payments"), "gov",
                        "r", EFFECTIVE, Fixtures.SOURCES, NOW).proposedEvent());
        FineImposed amended = new FineImposed(null, null, null, null, null, EFFECTIVE, Fixtures.SOURCES);
        assertEquals(new RecordCorrected(restriction, RecordCorrected.Action.RETRACT, null, "wrong", EFFECTIVE,
                        Fixtures.SOURCES),
                new CorrectRecord(id, STREAM, restriction, RecordCorrected.Action.RETRACT, amended, "wrong", EFFECTIVE,
                        Fixtures.SOURCES, NOW).proposedEvent());
        assertEquals(amended, new CorrectRecord(id, STREAM, restriction, RecordCorrected.Action.AMEND, amended, "wrong",
                EFFECTIVE, Fixtures.SOURCES, NOW).proposedEvent().amended());
    }

    @Test
    void aCommandCarriesNoProposedEventOnTheWire() {
        ImposeFine command = new ImposeFine(UUID.randomUUID(), STREAM, new BigDecimal("10.00"), "RUB", "court", null,
                null, EFFECTIVE, Fixtures.SOURCES, NOW);
        assertFalse(Json.write(command).contains("proposed"), Json.write(command));
    }
}
