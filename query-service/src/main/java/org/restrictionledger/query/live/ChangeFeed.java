package org.restrictionledger.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.restrictionledger.events.json.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one reader of the change log in this instance. Every poll interval it reads what is new (one query while less
 * than a page is new), updates the ETag {@link Versions}, keeps the latest changes in memory and wakes every open
 * event stream that waits for them: a thousand open streams cost the database one query per interval, not a thousand.
 * A stream that resumes from further back than the memory holds catches up from the store, page by page, at its own
 * pace; a stream that stays idle is woken every heartbeat interval with nothing, so it can send a comment line.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /**
     * A change and its JSON, serialised once for every stream that sends it, and not at all while no stream does
     * (the feed reads the log after every projected batch, open streams or not).
     */
    public static final class Entry {
        private final Change change;
        private volatile String json;

        private Entry(Change change) {
            this.change = change;
        }

        static Entry of(Change change) {
            return new Entry(change);
        }

        public Change change() {
            return change;
        }

        public String json() {
            String written = json;
            if (written == null) {
                written = Json.write(change);
                json = written;
            }
            return written;
        }
    }

    /** An open stream waiting for changes after {@code seq}. */
    private record Waiter(long seq, long since, UniEmitter<? super Boolean> emitter) {
    }

    private final ChangeLog log;
    private final Versions versions;
    private final LiveConfig config;
    private final Counter reads;
    private final Counter catchUpReads;
    private final Counter headReads;
    private final Object lock = new Object();
    /** Every change with a sequence number in (floor, head], the latest {@link LiveConfig#window()} of them. */
    private final ConcurrentSkipListMap<Long, Entry> recent = new ConcurrentSkipListMap<>();
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private volatile long floor;
    private volatile long head;
    private volatile boolean ready;
    private final AtomicBoolean wakeDue = new AtomicBoolean();
    private final AtomicBoolean soonDue = new AtomicBoolean();
    /** When the last read of the log began ({@link System#nanoTime()}); only the poller thread writes it. */
    private volatile long lastRead = System.nanoTime();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "change-feed");
        thread.setDaemon(true);
        return thread;
    });

    ChangeFeed(ChangeLog log, Versions versions, LiveConfig config, MeterRegistry registry) {
        this.log = log;
        this.versions = versions;
        this.config = config;
        this.reads = Counter.builder("query.stream.change-log.reads")
                .description("queries of the change log by the shared poller (one per interval while idle)")
                .register(registry);
        this.catchUpReads = Counter.builder("query.stream.catch-up.reads")
                .description("queries of the change log for streams resuming from further back than memory holds")
                .register(registry);
        this.headReads = Counter.builder("query.stream.head.reads")
                .description("reads of the latest change for streams opened without a resume position (one each)")
                .register(registry);
        Gauge.builder("query.stream.waiting", waiters, Set::size)
                .description("open event streams waiting for the next change").register(registry);
    }

    /**
     * One thread of its own polls, at a fixed delay (the scheduler extension runs nothing more often than every
     * second; the default interval is half that).
     */
    void start(@Observes StartupEvent event) {
        poller.scheduleWithFixedDelay(this::pollSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * This instance is about to change the read model (a projection or a rebuild): until {@link #written} is called,
     * ETags and cached bodies must not be trusted to show it ({@link Versions#current()}).
     */
    public void writing() {
        versions.writeBegins();
    }

    /**
     * That write has ended. When it changed the read model, the log is read now rather than at the next interval, so
     * the marks, the cached bodies and the open streams follow it within milliseconds; wake-ups while a read is due
     * coalesce into it.
     */
    public void written(boolean changed) {
        versions.writeEnded();
        if (changed) {
            readAfter(0, wakeDue);
        }
    }

    /**
     * Someone waits for a change that may come from another instance's projection (a read-your-writes request): the
     * log is read again {@code every} after the last read rather than at the next interval (at once if that is past).
     * However many wait and ask, one read is due at a time, and reads come no more often than that.
     */
    public void soon(Duration every) {
        readAfter(Math.max(0, lastRead + every.toNanos() - System.nanoTime()), soonDue);
    }

    /**
     * A read of the log on the poller, {@code nanos} from now, unless {@code due} says one of its kind is already
     * coming (then this one coalesces into it). Nothing before the feed's first read, which loads it.
     */
    private void readAfter(long nanos, AtomicBoolean due) {
        if (ready && due.compareAndSet(false, true)) {
            try {
                poller.schedule(() -> {
                    due.set(false);
                    pollSafely();
                }, nanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                due.set(false); // shutting down
            }
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // Logged, and tried again at the next interval: an exception would end a scheduled task's repetitions.
            LOG.warnf("the live feed cannot read the change log (%s); it tries again in %s", e.getMessage(),
                    config.pollInterval());
        }
    }

    private void load() {
        // The streams changed most recently, as many as keep marks, and one more: the latest change of every stream
        // left out is at most that one's, so it is the floor of their marks.
        List<Change> latest = log.latestPerStream(config.maxMarks() + 1);
        reads.increment();
        if (latest.size() > config.maxMarks()) {
            versions.raiseFloor(latest.get(latest.size() - 1));
            latest = latest.subList(0, config.maxMarks());
        }
        versions.apply(latest);
        versions.loaded();
        long last = latest.isEmpty() ? 0 : latest.get(0).seq();
        synchronized (lock) {
            floor = last;
            head = last;
            ready = true;
        }
        LOG.infof("live feed starts at change %d (marks of the %d streams changed last)", last, latest.size());
    }

    void poll() {
        lastRead = System.nanoTime();
        long ended = versions.writesEnded();
        if (!ready) {
            load();
        }
        List<Change> page;
        do {
            page = log.after(head, config.batchSize());
            reads.increment();
            publish(page);
        } while (page.size() == config.batchSize());
        versions.caughtUpWith(ended);
        heartbeats();
    }

    private void publish(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        versions.apply(changes);
        List<Waiter> woken;
        synchronized (lock) {
            changes.forEach(c -> recent.put(c.seq(), Entry.of(c)));
            head = changes.get(changes.size() - 1).seq();
            while (recent.size() > config.window()) {
                // The floor moves before the entry goes, so a reader that missed it sees that it must go to the store.
                floor = recent.firstKey();
                recent.pollFirstEntry();
            }
            woken = new ArrayList<>(waiters);
            waiters.clear();
        }
        woken.forEach(w -> w.emitter().complete(Boolean.TRUE));
    }

    private void heartbeats() {
        long due = System.nanoTime() - config.heartbeatInterval().toNanos();
        List<Waiter> idle = new ArrayList<>();
        synchronized (lock) {
            waiters.removeIf(w -> w.since() - due <= 0 && idle.add(w));
        }
        idle.forEach(w -> w.emitter().complete(Boolean.FALSE));
    }

    /**
     * The sequence number of the latest change in the store, read afresh: where a stream opened without a resume
     * position starts, so that it sends exactly what is projected after it opened (the poller may be up to an
     * interval behind). One indexed read per such stream, when it opens; none while it stays open. Blocks.
     */
    public long head() {
        headReads.increment();
        return log.head();
    }

    /**
     * The next changes after {@code seq}, in order: at once when there are some, else when the next are read, or an
     * empty list when none came for a heartbeat interval. Never blocks the caller: a read from the store runs on a
     * worker thread.
     */
    public Uni<List<Entry>> after(long seq) {
        return Uni.createFrom().deferred(() -> {
            if (ready && seq < head) {
                List<Entry> fromMemory = fromMemory(seq);
                return fromMemory != null ? Uni.createFrom().item(fromMemory)
                        : Uni.createFrom().item(() -> fromStore(seq)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
            return Uni.createFrom().<Boolean>emitter(emitter -> await(seq, emitter))
                    .onItem().transformToUni(changed -> changed ? after(seq) : Uni.createFrom().item(List.<Entry>of()));
        });
    }

    private void await(long seq, UniEmitter<? super Boolean> emitter) {
        Waiter waiter = new Waiter(seq, System.nanoTime(), emitter);
        boolean now;
        synchronized (lock) {
            now = ready && seq < head;
            if (!now) {
                waiters.add(waiter);
            }
        }
        if (now) {
            emitter.complete(Boolean.TRUE);
        } else {
            emitter.onTermination(() -> waiters.remove(waiter));
        }
    }

    /** Up to a page of changes after {@code seq} from memory, or null when memory no longer reaches back that far. */
    private List<Entry> fromMemory(long seq) {
        // Only up to the head read first: every entry up to it is in place (entries go in before the head moves).
        long upTo = head;
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : recent.subMap(seq, false, upTo, true).entrySet()) {
            if (entries.size() == config.batchSize()) {
                break;
            }
            entries.add(e.getValue());
        }
        return seq >= floor ? entries : null;
    }

    private List<Entry> fromStore(long seq) {
        catchUpReads.increment();
        return log.after(seq, config.batchSize()).stream().map(Entry::of).toList();
    }
}
