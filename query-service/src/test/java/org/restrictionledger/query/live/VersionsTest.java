package org.restrictionledger.query.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The marks ETags are made of: each scope moves with the changes of its own streams only. */
class VersionsTest {

    private static Change change(long seq, String stream, long version) {
        return new Change(seq, stream, "BLOCKED", version, UUID.randomUUID(), Instant.ofEpochSecond(seq));
    }

    @Test
    void eachScopeFollowsItsOwnStreams() {
        Versions versions = new Versions();
        versions.apply(List.of(change(1, "RU/whatsapp", 1), change(2, "RU/telegram", 1), change(3, "BY/whatsapp", 1),
                change(4, "RU/whatsapp", 2)));

        assertEquals(new Versions.Mark(4, Instant.ofEpochSecond(4), 2), versions.scope("RU", "whatsapp"));
        assertEquals(new Versions.Mark(2, Instant.ofEpochSecond(2), 1), versions.scope("RU", "telegram"));
        assertEquals(4, versions.scope("RU", null).seq());
        assertEquals(3, versions.scope("BY", null).seq());
        assertEquals(4, versions.scope(null, "whatsapp").seq());
        assertEquals(2, versions.scope(null, "telegram").seq());
        assertEquals(4, versions.scope(null, null).seq());
        assertEquals(Versions.Mark.NONE, versions.scope("KG", "whatsapp"));
        assertEquals(Versions.Mark.NONE, versions.scope("KG", null));
    }
}
