package org.restrictionledger.query.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marks ETags are made of: each scope moves with the changes of its own streams only; and when they show every write
 * this instance made (what decides whether a cached body may be sent); and, with more streams than keep marks, every
 * mark still at least as late as its scope's latest change.
 */
class VersionsTest {

    private static Change change(long seq, String stream, long version) {
        return new Change(seq, stream, "BLOCKED", version, UUID.randomUUID(), Instant.ofEpochSecond(seq));
    }

    @Test
    void eachScopeFollowsItsOwnStreams() {
        Versions versions = new Versions(1_000);
        versions.apply(List.of(change(1, "RU/whatsapp", 1), change(2, "RU/telegram", 1), change(3, "BY/whatsapp", 1),
                change(4, "RU/whatsapp", 2)));

        assertEquals(new Versions.Mark(4, Instant.ofEpochSecond(4), 2), versions.scope("RU", "whatsapp"));
        assertEquals(new Versions.Mark(2, Instant.ofEpochSecond(2), 1), versions.scope("RU", "telegram"));
        assertEquals(4, versions.scope("RU", null).seq());
        assertEquals(3, versions.scope("BY", null).seq());
        assertEquals(4, versions.scope(null, "whatsapp").seq());
        assertEquals(2, versions.scope(null, "telegram").seq());
        assertEquals(4, versions.scope(null, null).seq());
        assertEquals(Versions.Mark.NONE, versions.scope("KG", "whatsapp"));
        assertEquals(Versions.Mark.NONE, versions.scope("KG", null));
    }

    /**
     * With more streams than keep marks of their own, those changed last keep theirs exactly and the others share the
     * floor. An ETag is built from a mark's sequence number, so it stays strong only if no scope's mark ever falls
     * below its own latest change: checked for every stream, platform and country after every change.
     */
    @Test
    void beyondTheBoundEveryMarkStaysAtLeastAsLateAsItsScope() {
        Versions versions = new Versions(10);
        Map<String, Long> latest = new HashMap<>();
        long seq = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                String stream = (i % 2 == 0 ? "RU" : "BY") + "/p" + (round == 2 ? i % 7 : i);
                versions.apply(List.of(change(++seq, stream, round + 1)));
                latest.merge(stream, seq, Math::max);
                latest.merge("platform " + stream.substring(3), seq, Math::max);
                latest.merge("country " + stream.substring(0, 2), seq, Math::max);
                latest.forEach((scope, last) -> assertTrue(mark(versions, scope).seq() >= last,
                        scope + " changed at " + last + " but its mark is " + mark(versions, scope)));
            }
        }

        // The stream changed last keeps its exact mark (its version too, for minVersion); one long forgotten has the
        // floor, with no version: a minVersion wait on it asks the store.
        assertEquals(new Versions.Mark(seq, Instant.ofEpochSecond(seq), 3), versions.stream("BY/p4"));
        Versions.Mark forgotten = versions.stream("BY/p39");
        assertEquals(0, forgotten.version());
        assertTrue(forgotten.seq() >= 80 && forgotten.seq() < seq, forgotten.toString());
        assertEquals(forgotten, versions.stream("KG/never-seen"), "a stream never seen has the floor too");
    }

    private static Versions.Mark mark(Versions versions, String scope) {
        return scope.startsWith("platform ") ? versions.platform(scope.substring(9))
                : scope.startsWith("country ") ? versions.country(scope.substring(8)) : versions.stream(scope);
    }

    @Test
    void theMarksAreCurrentOnlyOnceAReadThatBeganAfterEveryWriteEndedHasBeenApplied() {
        Versions versions = new Versions(1_000);
        assertFalse(versions.current(), "not before the feed's first read");
        versions.caughtUpWith(versions.writesEnded());
        versions.loaded();
        assertTrue(versions.current());

        versions.writeBegins();
        assertFalse(versions.current(), "a write under way may commit at any moment");
        long readBeganBeforeTheCommit = versions.writesEnded();
        versions.writeEnded();
        assertFalse(versions.current(), "committed, and the feed has not read it yet");
        versions.caughtUpWith(readBeganBeforeTheCommit);
        assertFalse(versions.current(), "a read that began before the commit may have missed it");
        versions.caughtUpWith(versions.writesEnded());
        assertTrue(versions.current());
    }

    @Test
    void overlappingWritesKeepTheMarksBehindUntilTheLastIsRead() {
        Versions versions = new Versions(1_000);
        versions.loaded();
        versions.writeBegins();
        versions.writeBegins();
        versions.writeEnded();
        versions.caughtUpWith(versions.writesEnded());
        assertFalse(versions.current(), "the second write is still under way");
        versions.writeEnded();
        assertFalse(versions.current());
        versions.caughtUpWith(versions.writesEnded());
        assertTrue(versions.current());
    }

    @Test
    void aReadYourWritesWaitIsWokenWhenTheMarksMoveAndOtherwiseWaitsItsTimeOut() throws Exception {
        Versions versions = new Versions(1_000);
        long seen = versions.changes();
        long started = System.nanoTime();
        versions.awaitChangeAfter(seen, TimeUnit.MILLISECONDS.toNanos(100));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(100),
                "nothing moved: it waited its time out");

        CountDownLatch woken = new CountDownLatch(1);
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                versions.awaitChangeAfter(seen, TimeUnit.SECONDS.toNanos(30));
                woken.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        versions.apply(List.of(change(1, "RU/whatsapp", 1)));
        assertTrue(woken.await(10, TimeUnit.SECONDS), "woken by the move, long before 30 s");
        assertEquals(1, versions.stream("RU/whatsapp").version());
        waiter.join();
        // A move it has not seen yet does not wait at all.
        started = System.nanoTime();
        versions.awaitChangeAfter(seen, TimeUnit.SECONDS.toNanos(30));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
    }
}
