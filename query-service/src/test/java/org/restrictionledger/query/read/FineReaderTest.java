package org.restrictionledger.query.read;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.status.Fine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.restrictionledger.query.read.Recorded.day;

/** Paging and totals of fines, without a database. */
class FineReaderTest {

    private static FineReader.FineEntry fine(String stream, Effective imposedOn, String amount, Fine.State state) {
        return new FineReader.FineEntry(stream, stream.substring(0, 2), stream.substring(3), UUID.randomUUID(),
                amount == null ? null : new Money("RUB", new BigDecimal(amount)), state, imposedOn, null, "Court", null,
                null, List.of());
    }

    private final FineReader.FineEntry paid = fine("RU/vk", day(2024, 1, 1), "10.00", Fine.State.PAID);
    private final FineReader.FineEntry outstanding = fine("RU/telegram", day(2025, 1, 1), "5.50", Fine.State.OUTSTANDING);
    private final FineReader.FineEntry annulled = fine("RU/vk", day(2025, 1, 1), "1000.00", Fine.State.ANNULLED);
    private final FineReader.FineEntry unknownAmount = fine("RU/max", day(2026, 1, 1), null, Fine.State.OUTSTANDING);
    private final List<FineReader.FineEntry> all = List.of(unknownAmount, annulled, paid, outstanding);

    @Test
    void totalsCountEveryMatchAndLeaveAnnulledOut() {
        FineReader.Fines fines = FineReader.fines(all, FineReader.page(all, null, 2));

        assertEquals(4, fines.count());
        assertEquals(List.of(new Money("RUB", new BigDecimal("15.50"))), fines.totals());
        assertEquals(List.of(new Money("RUB", new BigDecimal("5.50"))), fines.outstanding());
        assertEquals(List.of(paid, outstanding), fines.fines(), "by date of imposition, then stream");
        assertNotNull(fines.nextCursor());
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsOrGaps() {
        List<FineReader.FineEntry> seen = new ArrayList<>();
        String cursor = null;
        do {
            Keyset.Slice<FineReader.FineEntry> page = FineReader.page(all, cursor, 1);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of(paid, outstanding, annulled, unknownAmount), seen);
        assertNull(FineReader.page(all, null, 4).nextCursor());
    }
}
