package org.restrictionledger.query.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON bodies of recent 200 answers, by their strong ETag: a tag names one representation of one state, so while
 * the tag stands, its body may be sent again without reading the store or serialising anything. Least recently used
 * first out, bounded in entries and in bytes; a body over {@link #MAX_BODY_BYTES} is not kept. Stale tags are never
 * asked for again and fall out.
 */
final class Bodies {

    /** Enough for every country's list, the world's, and a few hundred streams' details polled at once. */
    static final int MAX_ENTRIES = 512;
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final LinkedHashMap<String, byte[]> bodies = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    synchronized byte[] get(String tag) {
        return bodies.get(tag);
    }

    synchronized void put(String tag, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return;
        }
        byte[] old = bodies.put(tag, body);
        bytes += body.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<String, byte[]>> eldest = bodies.entrySet().iterator();
        while ((bodies.size() > MAX_ENTRIES || bytes > MAX_BYTES) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return bodies.size();
    }
}
