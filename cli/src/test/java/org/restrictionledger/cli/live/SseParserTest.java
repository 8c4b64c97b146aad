package org.restrictionledger.cli.live;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseParserTest {

    @Test
    void dispatchesOnBlankLinesJoinsDataAndRemembersTheLastId() {
        List<SseParser.Event> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (String line : List.of(": keep-alive", "id: 7", "event: status", "data: {\"seq\": 7,", "data:  \"x\": 1}", "",
                "", "id:8", "data:plain", "retry: 100", "")) {
            parser.line(line);
        }
        assertEquals(List.of(new SseParser.Event("7", "status", "{\"seq\": 7,\n \"x\": 1}"),
                new SseParser.Event("8", "message", "plain")), events);
        assertEquals("8", parser.lastId());
    }

    @Test
    void aChangeIsOneLine() {
        assertEquals("2026-02-12T10:00:00Z  RU/whatsapp  BLOCKED  v4  #17", TailCommand.line(Json.tree("""
                {"seq": 17, "stream": "RU/whatsapp", "status": "BLOCKED", "version": 4, "eventId": "e",
                 "changedAt": "2026-02-12T10:00:00Z"}""")));
    }
}
