package org.restrictionledger.support.messaging;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureTest {

    /** As a transaction manager reports a failed commit: the driver's exception is a suppressed one's cause. */
    private static RuntimeException failedCommit(String sqlState) {
        RuntimeException rollback = new IllegalStateException("Could not commit transaction");
        Exception xa = new Exception("Error trying to commit local transaction", new SQLException("terminating", sqlState));
        rollback.addSuppressed(xa);
        return new RuntimeException("Error invoking subclass method", rollback);
    }

    @Test
    void aCommitThatFailedBecauseTheServerWentAwayIsTransient() {
        assertEquals(Failure.Kind.TRANSIENT, Failure.classify(failedCommit("57P01")));
        assertEquals(Failure.Kind.TRANSIENT, Failure.classify(failedCommit("08006")));
    }

    @Test
    void aCommitTheDatabaseRefusedForTheDataIsDeterministic() {
        assertEquals(Failure.Kind.DETERMINISTIC, Failure.classify(failedCommit("23514")));
    }

    @Test
    void causesAreWalkedOnceEvenWhenTheyFormACycle() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertEquals(Failure.Kind.UNKNOWN, Failure.classify(b));
        assertEquals(Failure.Kind.TRANSIENT, Failure.classify(new UncheckedIOException(
                new java.io.IOException(new java.net.SocketException("reset")))));
    }
}
