package org.restrictionledger.support.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait until the caller's JTA transaction has ended: in-memory state (caches, marks) that may only
 * show what the store has committed.
 */
public final class AfterTransaction {

    /** What to do once the transaction has ended. */
    @FunctionalInterface
    public interface Ended {
        void ended(boolean committed);
    }

    private AfterTransaction() {
    }

    /** Runs {@code ended} once the current transaction has ended, committed or not. */
    public static void whenEnded(TransactionSynchronizationRegistry transactions, Ended ended) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                ended.ended(status == Status.STATUS_COMMITTED);
            }
        });
    }

    /** Runs {@code committed} once the current transaction has committed; nothing when it rolls back. */
    public static void onCommit(TransactionSynchronizationRegistry transactions, Runnable committed) {
        whenEnded(transactions, ok -> {
            if (ok) {
                committed.run();
            }
        });
    }
}
