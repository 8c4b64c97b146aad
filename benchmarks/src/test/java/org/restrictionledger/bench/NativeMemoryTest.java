package org.restrictionledger.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeMemoryTest {

    /** The shape of {@code jcmd <pid> VM.native_memory summary scale=KB} on JDK 25 (figures of a query service). */
    private static final String SUMMARY = """
            12345:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1886567KB, committed=429895KB
                   malloc: 61234KB #412345, peak=70000KB #420000
                   mmap:   reserved=1807120KB, committed=350448KB

            -                 Java Heap (reserved=262144KB, committed=179544KB)
                                        (mmap: reserved=262144KB, committed=179544KB, at peak)

            -                     Class (reserved=1050196KB, committed=24404KB)
                                        (classes #31000)
                                        (  instance classes #29000, array classes #2000)
                                        (malloc=1620KB tag=Class #52000) (peak=1700KB #52001)
                                        (mmap: reserved=1048576KB, committed=22784KB, at peak)
                                        (  Metadata:   )
                                        (    reserved=131072KB, committed=91520KB)
                                        (    used=90000KB)
                                        (    waste=1520KB =1.66%)
                                        (  Class space:)
                                        (    reserved=1048576KB, committed=22784KB)
                                        (    used=22000KB)
                                        (    waste=784KB =3.44%)

            -                    Thread (reserved=100718KB, committed=12506KB)
                                        (threads #98)
                                        (stack: reserved=100352KB, committed=12140KB, peak=12140KB)

            -                      Code (reserved=262999KB, committed=44467KB)
                                        (mmap: reserved=247692KB, committed=29160KB, at peak)

            -                     Other (reserved=20403KB, committed=20403KB)
                                        (malloc=20403KB #90) (peak=25000KB #95)
            """;

    @Test
    void readsTheTotalTheCategoriesAndTheMetaspaceInsideClass() {
        NativeMemory.Breakdown b = NativeMemory.parse(SUMMARY);
        assertEquals(429895, b.totalKb());
        assertEquals(179544L, b.committedKb().get("Java Heap"));
        assertEquals(24404L, b.committedKb().get("Class"));
        assertEquals(91520L, b.committedKb().get("Metaspace"));
        assertEquals(12506L, b.committedKb().get("Thread"));
        assertEquals(44467L, b.committedKb().get("Code"));
        assertEquals(20403L, b.committedKb().get("Other"));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.parse("12345:\nNative memory tracking is not enabled\n"));
    }

    @Test
    void theSectionShowsEachInstanceInMegabytesBesideItsPeakRss() {
        String md = NativeMemory.markdown(Map.of("query", NativeMemory.parse(SUMMARY)), Map.of("query", 473L * 1024 * 1024));
        assertTrue(md.contains("| query | 473 | 420 | 175 | 89 | 24 | 43 | 12 |"), md);
        assertEquals("", NativeMemory.markdown(Map.of(), Map.of()));
    }
}
