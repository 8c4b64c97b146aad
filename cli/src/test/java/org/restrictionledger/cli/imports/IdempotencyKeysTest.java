package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotencyKeysTest {

    private static ObjectNode report(String json) {
        return (ObjectNode) Json.tree(json);
    }

    @Test
    void theSameReportGetsTheSameKeyInEveryRunWhateverItsSpellingInJson() {
        String first = new IdempotencyKeys().next(report("{\"type\": \"fine.imposed\", \"country\": \"RU\"}"));
        String again = new IdempotencyKeys().next(report("{ \"country\":\"RU\",\n \"type\":\"fine.imposed\" }"));
        assertEquals(first, again);
        assertTrue(first.matches("rl-[0-9a-f]{40}-1"), first);
    }

    @Test
    void identicalRowsInOneFileAreCountedAndADifferentReportHasAnotherKey() {
        IdempotencyKeys keys = new IdempotencyKeys();
        String a1 = keys.next(report("{\"type\": \"fine.imposed\"}"));
        String b = keys.next(report("{\"type\": \"fine.paid\"}"));
        String a2 = keys.next(report("{\"type\": \"fine.imposed\"}"));
        assertTrue(a1.endsWith("-1"));
        assertEquals(a1.substring(0, a1.length() - 2) + "-2", a2);
        assertNotEquals(a1.substring(0, 43), b.substring(0, 43));
    }

    @Test
    void rowsOfOneStreamShareALaneWhateverTheyCallIt() {
        assertEquals("RU/whatsapp", Lanes.of(report("{\"country\": \"Russia\", \"platform\": \"WhatsApp\"}")));
        assertEquals("RU/whatsapp", Lanes.of(report("{\"country\": \"ru\", \"platform\": \"wa\"}")));
        assertEquals("RU/x", Lanes.of(report("{\"country\": \"Russian Federation\", \"platform\": \"Twitter\"}")));
        assertEquals("?atlantis/?", Lanes.of(report("{\"country\": \"Atlantis\"}")));
    }
}
