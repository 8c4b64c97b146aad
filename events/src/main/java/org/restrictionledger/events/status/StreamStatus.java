package org.restrictionledger.events.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.events.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The status of one platform in one country: derived from the stream's events by {@link StatusFold}, never stored as
 * truth.
 *
 * @param since      from when the current status holds (valid time); null for a stream that was never restricted
 * @param firstFact  the effective date of the stream's earliest fact on record (valid time, read through corrections,
 *                   whatever day the status is asked for): a status asked for a day before it is OPEN because nothing
 *                   was in effect yet; null when no fact was on record (asked as known at a time before the first
 *                   recording, or every fact retracted)
 * @param promoted   the state promotes this platform (details in {@code promotion})
 * @param fines      every fine, in order of imposition
 * @param version    the highest stream version folded in; 0 for no events
 * @param lastChange when the ledger recorded the last event folded in
 * <p>
 * Each status names itself ({@link #country()}, {@link #countryName()}, {@link #platform()}, {@link #platformName()}):
 * an item of a list can be shown without a second look-up. Those four are derived from {@code stream} and the
 * catalogues, written but never read back. Absent members (no {@code since}, no promotion) are left out, as everywhere
 * in the contract.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"country", "countryName", "platform", "platformName"}, allowGetters = true)
public record StreamStatus(
        StreamId stream,
        Status status,
        List<ActiveMeasure> activeMeasures,
        List<String> restrictedFeatures,
        Effective since,
        Effective firstFact,
        boolean promoted,
        Promotion promotion,
        List<Fine> fines,
        FineSummary fineSummary,
        long version,
        Instant lastChange) {

    public Optional<ActiveMeasure> active(UUID restrictionId) {
        return activeMeasures.stream().filter(m -> m.restrictionId().equals(restrictionId)).findFirst();
    }

    public List<ActiveMeasure> active(Measure measure) {
        return activeMeasures.stream().filter(m -> m.measure() == measure).toList();
    }

    public Optional<Fine> fine(UUID fineId) {
        return fines.stream().filter(f -> f.fineId().equals(fineId)).findFirst();
    }

    /** The ISO 3166-1 alpha-2 code, e.g. {@code RU}. */
    @JsonProperty("country")
    @Schema(description = "the ISO 3166-1 alpha-2 code", example = "RU", required = true)
    public String country() {
        return stream.country();
    }

    /** The country's English short name, e.g. {@code Russia}. */
    @JsonProperty("countryName")
    @Schema(description = "the country's English short name", example = "Russia", required = true)
    public String countryName() {
        return Countries.nameOf(stream.country());
    }

    /** The platform's slug, e.g. {@code whatsapp}. */
    @JsonProperty("platform")
    @Schema(description = "the platform's slug", example = "whatsapp", required = true)
    public String platform() {
        return stream.platform();
    }

    /** The platform's display name, e.g. {@code WhatsApp}; the slug for a platform not in the catalogue yet. */
    @JsonProperty("platformName")
    @Schema(description = "the platform's display name (the slug for a platform not in the catalogue yet)",
            example = "WhatsApp", required = true)
    public String platformName() {
        return Platforms.resolve(stream.platform()).map(Platform::name).orElse(stream.platform());
    }

    /**
     * The document of {@code restrictions.status.v1} ({@code status.v1.json}) and of the status webhooks: this status,
     * serialised once, with the id of the event that caused it as its last member.
     */
    public String document(UUID causedBy) {
        String json = Json.write(this);
        return json.substring(0, json.lastIndexOf('}')) + ",\"eventId\":\"" + causedBy + "\"}";
    }
}
