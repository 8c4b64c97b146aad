package org.restrictionledger.cli.ops;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DlqCommandTest {

    @Test
    void parkedStreamsAreATableWithStreamAndReasonFirst() {
        assertEquals("no parked streams\n", DlqCommand.render(Json.tree("[]")));
        assertEquals("""
                STREAM       REASON                     STREAM VERSION  WAITING
                -----------  -------------------------  --------------  -------
                RU/whatsapp  value too long for column  3               2
                """, DlqCommand.render(Json.tree("""
                [{"streamVersion": 3, "stream": "RU/whatsapp", "reason": "value too long for column", "waiting": 2}]""")));
    }
}
