package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The state promotes this stream's platform as a replacement for others (e.g. MAX for WhatsApp and Telegram).
 *
 * @param replaces platform slugs it is promoted to replace
 * @param services what it offers besides, e.g. {@code government_services}, {@code payments}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlternativePromoted(
        List<String> replaces,
        List<String> services,
        String authority,
        String reason,
        Effective effective,
        List<Source> sources) implements LedgerEvent {

    public static final String TYPE = "alternative.promoted";

    public AlternativePromoted {
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        services = services == null ? List.of() : List.copyOf(services);
        sources = List.copyOf(sources);
    }

    @JsonIgnore
    @Override
    public String type() {
        return TYPE;
    }
}
