package org.restrictionledger.query.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), 2, Duration.ofHours(1), 0.2);

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        assertEquals(Duration.ofSeconds(5), backoff.after(1, null, () -> 0.5));
        assertEquals(Duration.ofSeconds(10), backoff.after(2, null, () -> 0.5));
        assertEquals(Duration.ofSeconds(40), backoff.after(4, null, () -> 0.5));
        assertEquals(Duration.ofHours(1), backoff.after(20, null, () -> 0.5));
        assertEquals(Duration.ofHours(1), backoff.after(10_000, null, () -> 0.5));
    }

    @Test
    void jitterSpreadsEachDelayByAtMostItsFraction() {
        assertEquals(Duration.ofSeconds(8), backoff.after(2, null, () -> 0.0));
        assertEquals(Duration.ofMillis(11_600), backoff.after(2, null, () -> 0.9));
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        assertEquals(Duration.ofSeconds(120), backoff.after(1, Duration.ofSeconds(120), () -> 0.5));
        assertEquals(Duration.ofSeconds(5), backoff.after(1, Duration.ofSeconds(1), () -> 0.5));
        assertEquals(Duration.ofHours(1), backoff.after(1, Duration.ofDays(365), () -> 0.5));
    }

    @Test
    void keepsRetryingForMoreThanADayWithTheDefaults() {
        Duration total = Duration.ZERO;
        int attempts = 0;
        while (total.compareTo(Duration.ofHours(25)) < 0) {
            total = total.plus(backoff.after(++attempts, null, () -> 0.5));
        }
        assertTrue(attempts > 20 && attempts < 40, "attempts in 25 h: " + attempts);
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(30), Dispatcher.retryAfter("30"));
        assertNull(Dispatcher.retryAfter("soon"));
        assertNull(Dispatcher.retryAfter(null));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC));
        Duration d = Dispatcher.retryAfter(inAMinute);
        assertTrue(d.toSeconds() > 50 && d.toSeconds() <= 60, d.toString());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, 2, Duration.ofHours(1), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), 0.5, Duration.ofHours(1), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), 2, Duration.ofHours(1), 1));
    }
}
