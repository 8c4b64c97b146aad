package org.restrictionledger.events.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.restrictionledger.events.Effective;

import java.util.List;

/** The state promotes this platform as a replacement for {@code replaces}, since {@code since}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Promotion(List<String> replaces, List<String> services, String authority, String reason, Effective since) {
}
