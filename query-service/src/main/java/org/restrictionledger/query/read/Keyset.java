package org.restrictionledger.query.read;

import org.restrictionledger.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging, the one way every list that can grow is paged ({@code ?limit=&cursor=}, {@code nextCursor} in the
 * answer): a page ends at the sort key of its last item, and the next page starts strictly after that key, whatever
 * was added or changed in between, so pages never repeat or skip an item. The cursor is opaque to clients: base64url
 * of the key's parts separated by {@code |}. A cursor this API did not give (or gave for another list) is a 400
 * problem naming {@code cursor}. Page sizes are read at the edge (at most {@link #MAX_LIMIT}).
 */
public final class Keyset {

    /** The largest page any list serves. */
    public static final int MAX_LIMIT = 500;

    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private Keyset() {
    }

    /** One page of a list, and where the next one starts (null on the last page). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    public static String encode(Object... key) {
        String text = String.join("|", Arrays.stream(key).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor carries, which has exactly {@code parts} parts; a 400 naming {@code cursor} otherwise. */
    public static List<String> decode(String cursor, int parts) {
        try {
            List<String> key = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1));
            if (key.size() != parts || key.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("parts");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "not a cursor of this list; use nextCursor of the previous page");
        }
    }

    /**
     * A page of a list already in memory: the items in key order (each part compared as text; keys are unique), those
     * after {@code cursor}, at most {@code limit} of them.
     */
    public static <T> Slice<T> slice(Collection<T> items, Function<T, List<String>> key, int parts, String cursor, int limit) {
        List<String> after = cursor == null ? null : decode(cursor, parts);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key, KEY_ORDER));
        List<T> rest = after == null ? sorted
                : sorted.stream().filter(item -> KEY_ORDER.compare(key.apply(item), after) > 0).toList();
        if (rest.size() <= limit) {
            return new Slice<>(rest, null);
        }
        List<T> page = rest.subList(0, limit);
        return new Slice<>(List.copyOf(page), encode(key.apply(page.get(limit - 1)).toArray()));
    }
}
