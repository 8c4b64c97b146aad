package org.restrictionledger.query.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;

import java.time.Instant;
import java.util.UUID;

/**
 * What a live screen receives for each projected change: one row of the change log ({@code status_changes}). Like
 * every status item it names its country and platform (code and name), derived from {@code stream}, so a screen can
 * show it without a look-up.
 */
@Schema(name = "StatusChange")
public record Change(long seq, String stream, String status, long version, UUID eventId, Instant changedAt) {

    @JsonProperty("country")
    public String country() {
        return stream.substring(0, stream.indexOf('/'));
    }

    @JsonProperty("countryName")
    public String countryName() {
        return Countries.nameOf(country());
    }

    @JsonProperty("platform")
    public String platform() {
        return stream.substring(stream.indexOf('/') + 1);
    }

    @JsonProperty("platformName")
    public String platformName() {
        return Platforms.resolve(platform()).map(Platform::name).orElse(platform());
    }
}
