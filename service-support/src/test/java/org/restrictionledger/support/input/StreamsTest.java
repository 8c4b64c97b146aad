package org.restrictionledger.support.input;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.support.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamsTest {

    @Test
    void aCountryAndPlatformAreReadByCodeNameOrAliasInAnyCase() {
        assertEquals(new StreamId("RU", "youtube"), Streams.stream("ru", "YouTube"));
        assertEquals("RU", Streams.country("Russia"));
    }

    @Test
    void anUnknownOneIsA404QuotingIt() {
        ProblemException e = assertThrows(ProblemException.class, () -> Streams.country("Atlantis"));
        assertEquals(404, e.problem().status());
        assertEquals("unknown country 'Atlantis'", e.problem().detail());
        assertEquals(404, assertThrows(ProblemException.class, () -> Streams.platform("no such platform!")).problem().status());
    }
}
