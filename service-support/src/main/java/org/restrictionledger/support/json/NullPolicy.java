package org.restrictionledger.support.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one null policy of every service's HTTP API: a member with no value is left out, never written as {@code null}
 * (README "Null policy"). The contract types on the topics follow the same rule with their own
 * {@code @JsonInclude(NON_NULL)}; event documents are hashed as stored and are not re-serialised by this mapper.
 * Empty lists stay: "no active measures" is an answer, not an absence.
 */
@Singleton
public class NullPolicy implements ObjectMapperCustomizer {

    /** Null and an empty {@code Optional} are absent; everything else is written. */
    public static final JsonInclude.Include INCLUSION = JsonInclude.Include.NON_ABSENT;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(INCLUSION, JsonInclude.Include.USE_DEFAULTS));
    }
}
