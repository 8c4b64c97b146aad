package org.restrictionledger.query.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The marks ETags are made of: each scope moves with the changes of its own streams only; and when they show every write
 * this instance made (what decides whether a cached body may be sent).
 */
class VersionsTest {

    private static Change change(long seq, String stream, long version) {
        return new Change(seq, stream, "BLOCKED", version, UUID.randomUUID(), Instant.ofEpochSecond(seq));
    }

    @Test
    void eachScopeFollowsItsOwnStreams() {
        Versions versions = new Versions();
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

    @Test
    void theMarksAreCurrentOnlyOnceAReadThatBeganAfterEveryWriteEndedHasBeenApplied() {
        Versions versions = new Versions();
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
        Versions versions = new Versions();
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
        Versions versions = new Versions();
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
