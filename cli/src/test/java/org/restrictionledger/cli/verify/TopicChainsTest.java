package org.restrictionledger.cli.verify;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.LegalBasis;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.RestrictionImposed;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicChainsTest {

    private static final StreamId STREAM = StreamId.parse("KG/whatsapp");

    /** A valid chain of {@code length} events, each as the record the relay publishes. */
    private static List<TopicReader.Received> chain(int length) {
        List<TopicReader.Received> records = new ArrayList<>();
        String previous = EventHashing.GENESIS;
        for (int v = 1; v <= length; v++) {
            RecordedEvent event = EventHashing.seal(new RecordedEvent(UUID.randomUUID(), STREAM, v, v,
                    Instant.parse("2026-02-12T10:00:00Z").plusSeconds(v), UUID.randomUUID(), previous, null,
                    new RestrictionImposed(Measure.OTHER, List.of(), "Ministry", LegalBasis.OTHER, "reason " + v,
                            Effective.day(LocalDate.of(2026, 2, v)),
                            List.of(new Source("https://example.org/" + v, null, null)))));
            records.add(new TopicReader.Received(STREAM.toString(), 0, v - 1, EventCodec.encode(event)));
            previous = event.hash();
        }
        return records;
    }

    @Test
    void aChainPublishedTwiceCountsOnceAndIsValid() {
        List<TopicReader.Received> records = chain(3);
        records.add(records.get(1));
        Map<StreamId, TopicChains.TopicChain> chains = TopicChains.of(records);
        TopicChains.TopicChain chain = chains.get(STREAM);
        assertTrue(chain.valid(), chain.toString());
        assertEquals(3, chain.events().size());
        assertEquals(3, chain.head());
    }

    @Test
    void anAlteredEventIsTheBrokenLinkAndAnUnreadableRecordIsNamed() {
        List<TopicReader.Received> records = chain(3);
        TopicReader.Received second = records.get(1);
        records.set(1, new TopicReader.Received(second.key(), 0, 1, second.value().replace("reason 2", "reason two")));
        records.add(new TopicReader.Received(STREAM.toString(), 2, 7, "{not json"));
        TopicChains.TopicChain chain = TopicChains.of(records).get(STREAM);
        assertFalse(chain.valid());
        assertEquals(2, chain.verification().firstBrokenLink().streamVersion());
        assertTrue(chain.verification().firstBrokenLink().problem().contains("altered"));
        assertEquals(1, chain.problems().size());
        assertTrue(chain.problems().get(0).startsWith("partition 2 offset 7 is not a valid event"), chain.problems().get(0));
    }

    @Test
    void twoEventsAtOneVersionAreAFork() {
        List<TopicReader.Received> records = chain(2);
        records.add(chain(1).get(0));
        TopicChains.TopicChain chain = TopicChains.of(records).get(STREAM);
        assertFalse(chain.valid());
        assertTrue(chain.problems().stream().anyMatch(p -> p.startsWith("fork: ") && p.endsWith("both claim version 1")),
                chain.problems().toString());
    }
}
