package org.restrictionledger.events.catalog;

import java.util.List;

/**
 * An online platform: its slug (the second half of a stream id), display name, owner, and other names it goes by.
 * {@code owner} is null for a platform that is not in the catalogue yet.
 */
public record Platform(String slug, String name, String owner, List<String> aliases) {

    public Platform {
        aliases = List.copyOf(aliases);
    }
}
