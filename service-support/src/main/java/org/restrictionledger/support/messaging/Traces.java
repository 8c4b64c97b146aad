package org.restrictionledger.support.messaging;

import org.jboss.logging.MDC;

/**
 * Log lines about one record of a batch carry that record's trace ({@code traceId}, {@code spanId} from its W3C
 * {@code traceparent}), as they would if it had been processed alone: a batch holds many records, each with a trace.
 */
public final class Traces {

    private Traces() {
    }

    /** Runs {@code line} (a log statement) with the trace of {@code traceparent} in the MDC. */
    public static void log(String traceparent, Runnable line) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        if (parts.length < 4) {
            line.run();
            return;
        }
        Object traceId = MDC.get("traceId");
        Object spanId = MDC.get("spanId");
        MDC.put("traceId", parts[1]);
        MDC.put("spanId", parts[2]);
        try {
            line.run();
        } finally {
            restore("traceId", traceId);
            restore("spanId", spanId);
        }
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
