package org.restrictionledger.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * How a consumer applies a record that it could read: until it is done. A failure there is the infrastructure's
 * (the database away, the application stopping), never the record's, so the record must not go to the dead-letter
 * topic: it is retried with a growing pause, and while the application stops it is left unacknowledged, so that its
 * offset is not committed and Kafka delivers it again after the restart (consumers are idempotent).
 * <p>
 * Records that cannot be read are the poison ones: those throw before this and go to the dead-letter topic.
 */
@ApplicationScoped
public class DurableProcessing {

    private static final Logger LOG = Logger.getLogger(DurableProcessing.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private volatile boolean stopping;
    private final CountDownLatch never = new CountDownLatch(1);

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** Runs {@code work} until it succeeds; never returns while the application stops with the work undone. */
    public <T> T untilDone(String what, Supplier<T> work) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                holdUntilExit(what);
            }
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (stopping) {
                    holdUntilExit(what);
                }
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, pause.toMillis(), e.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /**
     * The record stays unacknowledged until the process exits: its offset is not committed, and it comes again after
     * the restart. Neither returning nor throwing is safe here (a throw would send it to the dead-letter topic), so
     * the thread waits, through interrupts, for the JVM to end.
     */
    private void holdUntilExit(String what) {
        LOG.infof("stopping: %s is left for redelivery after the restart", what);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // stopping anyway: keep the record unacknowledged
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
