package org.restrictionledger.query.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest change of every stream, country and platform, and of the world, in memory: what ETags are made of, so a
 * conditional GET is answered from a map lookup. Fed by the {@link ChangeFeed} from the change log (never from this
 * instance's own writes), so every replica derives the same marks from the same store.
 * <p>
 * It also knows whether the marks show everything this instance's projection has committed ({@link #current()}):
 * a write announces itself before it commits (through {@link ChangeFeed#writing()}), and the marks are current again once the feed
 * has read the log after its commit. A body cached under a tag is only served while they are, so a client that saw
 * its write through {@code minVersion} never then gets an older body of a list from this instance.
 * <p>
 * Memory is bounded: at most {@code query.stream.max-marks} streams, and as many platforms, keep a mark of their own,
 * those changed most recently. The others get the {@link #floor}: a mark at least as late as every change of every
 * stream or platform without its own. Their ETags thus stay strong and correct (they move with the floor, more often
 * than needed), and one of them gets its own mark back with its next change (what a {@code minVersion} wait watches for).
 */
@ApplicationScoped
public class Versions {

    /** The latest change of a scope: its sequence number, when it was projected, and (for a stream) its version. */
    public record Mark(long seq, Instant at, long version) {
        public static final Mark NONE = new Mark(0, Instant.EPOCH, 0);

        Mark later(Change change) {
            return change.seq() > seq ? new Mark(change.seq(), change.changedAt(), change.version()) : this;
        }
    }

    private final int maxMarks;
    private final Map<String, Mark> streams = new ConcurrentHashMap<>();
    private final Map<String, Mark> countries = new ConcurrentHashMap<>();
    private final Map<String, Mark> platforms = new ConcurrentHashMap<>();
    private volatile Mark world = Mark.NONE;
    /** At least the latest change of every stream, country or platform that has no mark here (version 0: unknown). */
    private volatile Mark floor = Mark.NONE;
    private volatile boolean loaded;
    private final Object moved = new Object();
    private long generation;
    /** This instance's projection transactions not yet ended. */
    private final AtomicInteger writing = new AtomicInteger();
    /** This instance's projection transactions ended, in all. */
    private final AtomicLong written = new AtomicLong();
    /** How many of them had ended when the feed last started a read that it has finished. */
    private final AtomicLong seen = new AtomicLong();

    @Inject
    Versions(LiveConfig config) {
        this(config.maxMarks());
    }

    Versions(int maxMarks) {
        this.maxMarks = maxMarks;
    }

    /** Applies changes read from the log; one caller at a time (the feed). */
    void apply(List<Change> changes) {
        Mark w = world;
        for (Change change : changes) {
            streams.merge(change.stream(), Mark.NONE.later(change), (old, x) -> old.later(change));
            countries.merge(change.country(), Mark.NONE.later(change), (old, x) -> old.later(change));
            platforms.merge(change.platform(), Mark.NONE.later(change), (old, x) -> old.later(change));
            w = w.later(change);
        }
        world = w;
        forgetOldest(streams);
        forgetOldest(platforms);
        moved();
    }

    /**
     * Every stream, country and platform that has no mark here changed last at {@code change} or before (the feed
     * starts from the latest changes only, and this is the latest of those it left out). Readers see it with the
     * marks that the feed applies next.
     */
    void raiseFloor(Change change) {
        raiseFloor(change.seq(), change.changedAt());
    }

    private void raiseFloor(long seq, Instant at) {
        if (seq > floor.seq()) {
            floor = new Mark(seq, at, 0);
        }
    }

    /**
     * Beyond {@link #maxMarks}, the marks with the lowest sequence numbers go, down to nine tenths of it (so this
     * runs once per tenth, not per change). The floor rises first: a reader never finds a mark gone and the floor
     * still below it.
     */
    private void forgetOldest(Map<String, Mark> marks) {
        if (marks.size() <= maxMarks) {
            return;
        }
        long[] seqs = marks.values().stream().mapToLong(Mark::seq).toArray();
        Arrays.sort(seqs);
        long cutoff = seqs[seqs.length - maxMarks * 9 / 10 - 1];
        marks.values().stream().filter(m -> m.seq() == cutoff).findAny().ifPresent(m -> raiseFloor(m.seq(), m.at()));
        marks.values().removeIf(m -> m.seq() <= cutoff);
    }

    private void moved() {
        synchronized (moved) {
            generation++;
            moved.notifyAll();
        }
    }

    /** How many times the marks have moved: taken before a look at them, for {@link #awaitChangeAfter}. */
    public long changes() {
        synchronized (moved) {
            return generation;
        }
    }

    /** Waits until the marks move past {@code seen} moves, at most {@code nanos}. */
    public void awaitChangeAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (moved) {
            long left = nanos;
            while (generation == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(moved, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    /** A projection transaction of this instance is about to write the change log. */
    void writeBegins() {
        writing.incrementAndGet();
    }

    /** That transaction ended (committed or not). Counted before it stops counting as writing: never a gap between. */
    void writeEnded() {
        written.incrementAndGet();
        writing.decrementAndGet();
    }

    /** Taken by the feed before it reads the log. */
    long writesEnded() {
        return written.get();
    }

    /** The feed has applied a read that began after {@code ended} writes had ended. */
    void caughtUpWith(long ended) {
        seen.accumulateAndGet(ended, Math::max);
    }

    /** Whether every write this instance committed is in the marks (writes of other instances follow within a poll). */
    public boolean current() {
        return loaded && writing.get() == 0 && seen.get() >= written.get();
    }

    void loaded() {
        loaded = true;
    }

    /** Whether the marks reflect the change log (false until the feed's first read). */
    public boolean ready() {
        return loaded;
    }

    public Mark stream(String streamId) {
        return orFloor(streams.get(streamId));
    }

    public Mark country(String country) {
        return orFloor(countries.get(country));
    }

    public Mark platform(String platform) {
        return orFloor(platforms.get(platform));
    }

    /** The mark of every stream, country and platform without one of its own; it only rises. */
    public Mark floor() {
        return floor;
    }

    private Mark orFloor(Mark own) {
        return own != null ? own : floor;
    }

    public Mark world() {
        return world;
    }

    /**
     * The latest change of what a body about a country and/or a platform covers: the one stream when both are given,
     * the country's or the platform's streams when one is, the world's when neither is.
     *
     * @param country  an ISO code, or null
     * @param platform a platform slug, or null
     */
    public Mark scope(String country, String platform) {
        if (country != null && platform != null) {
            return stream(country + "/" + platform);
        }
        return country != null ? country(country) : platform != null ? platform(platform) : world();
    }
}
