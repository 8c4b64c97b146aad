package org.restrictionledger.events;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platforms;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogTest {

    @Test
    void countriesResolveByCodeNameAndAliasInAnyCase() {
        for (String text : new String[] {"RU", "ru", "Russia", "RUSSIAN FEDERATION", " russian  federation "}) {
            assertEquals(Optional.of("RU"), Countries.resolve(text), text);
        }
        assertEquals(Optional.of("TR"), Countries.resolve("Türkiye"));
        assertEquals(Optional.of("GB"), Countries.resolve("United Kingdom"));
        assertEquals(Optional.empty(), Countries.resolve("Narnia"));
        assertEquals("Russia", Countries.nameOf("RU"));
    }

    @Test
    void platformsResolveByNameAndAliasAndWellFormedNewSlugs() {
        assertEquals("whatsapp", Platforms.resolve("WhatsApp").orElseThrow().slug());
        assertEquals("Meta Platforms", Platforms.resolve("whats app").orElseThrow().owner());
        assertEquals("x", Platforms.resolve("Twitter").orElseThrow().slug());
        assertEquals("max", Platforms.resolve("MAX").orElseThrow().slug());
        assertEquals("new-platform", Platforms.resolve("new-platform").orElseThrow().slug());
        assertEquals(Optional.empty(), Platforms.resolve("not a slug!"));
    }

    @Test
    void streamIdsAreStrict() {
        assertEquals("RU/whatsapp", StreamId.parse("RU/whatsapp").toString());
        assertThrows(IllegalArgumentException.class, () -> StreamId.parse("ru/whatsapp"));
        assertThrows(IllegalArgumentException.class, () -> StreamId.parse("RU/Whats App"));
        assertThrows(IllegalArgumentException.class, () -> StreamId.parse("RU"));
    }

    @Test
    void effectiveDatesAreNormalisedToTheirPrecision() {
        assertEquals(LocalDate.of(2025, 12, 1), new Effective(LocalDate.of(2025, 12, 17), Precision.MONTH).date());
        assertEquals(LocalDate.of(2025, 1, 1), new Effective(LocalDate.of(2025, 12, 17), Precision.YEAR).date());
    }
}
