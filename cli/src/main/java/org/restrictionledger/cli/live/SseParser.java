package org.restrictionledger.cli.live;

import java.util.function.Consumer;

/**
 * Server-Sent Events, line by line, as the HTML Living Standard defines the stream: {@code id:}, {@code event:} and
 * {@code data:} fields (several data lines join with a newline), comments start with {@code :}, a blank line
 * dispatches the event. Fed one line at a time, so it works on a stream that never ends.
 */
final class SseParser {

    /** One dispatched event; {@code id} is the last id seen on the stream (what Last-Event-ID resumes from). */
    record Event(String id, String name, String data) {
    }

    private final Consumer<Event> sink;
    private final StringBuilder data = new StringBuilder();
    private String name = "";
    private String lastId;
    private boolean hasData;

    SseParser(Consumer<Event> sink) {
        this.sink = sink;
    }

    String lastId() {
        return lastId;
    }

    void line(String line) {
        if (line.isEmpty()) {
            if (hasData) {
                sink.accept(new Event(lastId, name.isEmpty() ? "message" : name, data.toString()));
            }
            data.setLength(0);
            name = "";
            hasData = false;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> name = value;
            case "id" -> {
                if (!value.contains("\0")) {
                    lastId = value;
                }
            }
            default -> {
                // retry and unknown fields: ignored
            }
        }
    }
}
