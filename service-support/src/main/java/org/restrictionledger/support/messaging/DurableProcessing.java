package org.restrictionledger.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How a consumer settles a record, so that no record can stop a partition and no failure of the infrastructure loses
 * one:
 * <ul>
 *   <li>done: the record is acknowledged (its offset is committed after it);</li>
 *   <li>a {@link Failure.Kind#TRANSIENT transient} failure (database or broker away, timeout, deadlock) is retried
 *       with a growing pause, for as long as it takes, while the service stays live;</li>
 *   <li>a {@link Failure.Kind#DETERMINISTIC deterministic} failure (a value the database refuses, an event its schema
 *       refuses), or an {@link Failure.Kind#UNKNOWN unknown} one that fails {@value #UNKNOWN_ATTEMPTS} times, ends
 *       the retries with {@link Unprocessable}: the consumer decides what that means for the record (the ledger
 *       rejects the command, the query side parks the stream);</li>
 *   <li>a record that cannot even be read (the consumer throws anything else) is nacked: the channel's
 *       {@code dead-letter-queue} failure strategy writes it to its {@code .dlq} topic with the original key, value
 *       and headers and {@code dead-letter-*} headers saying why and where from, and consumption goes on;</li>
 *   <li>while the application stops, a record not yet done is left unacknowledged: its offset is not committed and
 *       Kafka delivers it again after the restart (consumers are idempotent). Stopping never waits for a failing
 *       record, so it stays within the shutdown timeout.</li>
 * </ul>
 * Metrics: {@code consumer.retries{kind}}, {@code consumer.unprocessable}, {@code consumer.dlq.records}, gauge
 * {@code consumer.retrying} (records
 * being retried now).
 */
@ApplicationScoped
public class DurableProcessing {

    private static final Logger LOG = Logger.getLogger(DurableProcessing.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** How often a failure that is neither evidently transient nor deterministic is tried. */
    static final int UNKNOWN_ATTEMPTS = 5;

    private final MeterRegistry registry;
    private final AtomicInteger retrying = new AtomicInteger();
    private volatile boolean stopping;

    DurableProcessing(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("consumer.retrying", retrying);
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** How many records are waiting for a transient failure to pass (readiness reports it). */
    public int retrying() {
        return retrying.get();
    }

    /**
     * Runs {@code handle} for the message and settles it: ack when it returns, nack (dead-letter) when it throws,
     * neither when the application stops first.
     */
    public CompletionStage<Void> settle(Message<?> message, Runnable handle) {
        try {
            handle.run();
            return message.ack();
        } catch (Stopping stopping) {
            LOG.infof("stopping: %s is left for redelivery after the restart", stopping.getMessage());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException unreadable) {
            registry.counter("consumer.dlq.records").increment();
            return message.nack(unreadable);
        }
    }

    /**
     * Runs {@code work} until it succeeds, retrying transient failures.
     *
     * @throws Unprocessable when the failure is the record's own
     * @throws Stopping      when the application stops with the work undone
     */
    public <T> T untilDone(String what, Supplier<T> work) {
        Duration pause = FIRST_PAUSE;
        boolean counted = false;
        try {
            for (int attempt = 1; ; attempt++) {
                if (stopping) {
                    throw new Stopping(what);
                }
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    Failure.Kind kind = Failure.classify(e);
                    if (kind == Failure.Kind.DETERMINISTIC || kind == Failure.Kind.UNKNOWN && attempt >= UNKNOWN_ATTEMPTS) {
                        registry.counter("consumer.unprocessable").increment();
                        LOG.warnf("%s cannot be processed (%s after %d attempt(s)): %s", what, kind, attempt, e.toString());
                        throw new Unprocessable(Failure.describe(e), e);
                    }
                    if (stopping) {
                        throw new Stopping(what);
                    }
                    if (!counted) {
                        retrying.incrementAndGet();
                        counted = true;
                    }
                    registry.counter("consumer.retries", "kind", kind.name().toLowerCase(Locale.ROOT)).increment();
                    LOG.warnf("%s failed (%s, attempt %d), retrying in %d ms: %s", what, kind, attempt, pause.toMillis(),
                            e.toString());
                    pause(what, pause);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            }
        } finally {
            if (counted) {
                retrying.decrementAndGet();
            }
        }
    }

    /** Waits between attempts in short steps, so that a stop is noticed at once. */
    private void pause(String what, Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        while (System.nanoTime() < until) {
            if (stopping) {
                throw new Stopping(what);
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping(what);
            }
        }
    }

    /** The record's own failure: retrying it would fail the same way. {@link #getMessage()} is safe to show. */
    public static final class Unprocessable extends RuntimeException {
        public Unprocessable(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    /** The application is stopping with the record undone: leave it unacknowledged. */
    public static final class Stopping extends RuntimeException {
        Stopping(String what) {
            super(what, null, false, false);
        }
    }
}
