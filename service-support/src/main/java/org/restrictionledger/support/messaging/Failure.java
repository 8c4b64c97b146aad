package org.restrictionledger.support.messaging;

import com.fasterxml.jackson.core.JacksonException;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What kind of failure an exception is, for a consumer that must decide between trying again and giving up on a
 * record:
 * <ul>
 *   <li>{@link Kind#TRANSIENT}: the infrastructure's (the database or broker away, a timeout, a serialization failure
 *       or deadlock, a concurrent writer): the same record will succeed later, so it is retried while the service
 *       stays live;</li>
 *   <li>{@link Kind#DETERMINISTIC}: the record's (a value the database refuses, such as U+0000 in text or a date out
 *       of range, an integrity violation, an event its schema refuses, a value no contract type accepts): it fails
 *       the same way every time, so retrying it would stop the partition for good;</li>
 *   <li>{@link Kind#UNKNOWN}: neither is evident; retried a few times, then treated as deterministic.</li>
 * </ul>
 * PostgreSQL says which in its SQLSTATE: class 22 (data exception) and 23 (integrity constraint) are the record's,
 * except 23505 (unique violation), which a concurrent writer causes and a retry resolves by reading what it wrote.
 */
public final class Failure {

    public enum Kind {
        TRANSIENT, DETERMINISTIC, UNKNOWN
    }

    private static final Set<Class<? extends Throwable>> RECORD_ERRORS = Set.of(IllegalArgumentException.class,
            DateTimeException.class, ArithmeticException.class, NullPointerException.class, ClassCastException.class,
            IndexOutOfBoundsException.class, UnsupportedOperationException.class);

    private Failure() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof Refused) {
                return Kind.DETERMINISTIC;
            }
            if (t instanceof SQLException sql) {
                return ofSqlState(sql.getSQLState());
            }
            if (t instanceof TimeoutException || t instanceof java.net.SocketException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return Kind.TRANSIENT;
            }
        }
        for (Throwable t : causes(failure)) {
            if (t instanceof JacksonException || isRecordError(t)) {
                return Kind.DETERMINISTIC;
            }
        }
        return Kind.UNKNOWN;
    }

    /**
     * The failure, its causes and what they suppressed, nearest first. A transaction that fails at commit hides the
     * driver's exception as a suppressed one (RollbackException, suppressed XAException, caused by the SQLException).
     */
    static List<Throwable> causes(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty() && found.size() < 64) {
            Throwable t = next.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            next.addAll(List.of(t.getSuppressed()));
        }
        return found;
    }

    private static boolean isRecordError(Throwable t) {
        return RECORD_ERRORS.stream().anyMatch(type -> type.isInstance(t));
    }

    /** A null state is the driver's own I/O failure (no answer from the server): transient. */
    static Kind ofSqlState(String state) {
        if (state == null || state.length() < 2) {
            return Kind.TRANSIENT;
        }
        if (state.equals("23505")) {
            return Kind.TRANSIENT;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23" -> Kind.DETERMINISTIC;
            default -> Kind.TRANSIENT;
        };
    }

    /** A short, printable account of the failure for an outcome's reason or a parking record: no input echoed. */
    public static String describe(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof Refused refused) {
                return refused.getMessage();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "the database refused a value (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "a value could not be processed (" + root.getClass().getSimpleName() + ")";
    }

    /** Thrown by code that has found the record itself unprocessable: deterministic by definition. */
    public static class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
