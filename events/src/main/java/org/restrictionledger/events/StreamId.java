package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One (country, platform) pair: the unit of ordering and consistency. Its text form, {@code RU/whatsapp}, is the Kafka
 * record key on every topic, so one stream always lives in one partition and in order.
 */
@Schema(type = SchemaType.STRING, description = "country/platform: the stream's id and Kafka key",
        pattern = "^[A-Z]{2}/[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", example = "RU/whatsapp")
public record StreamId(String country, String platform) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Lower-case slug: letters, digits, inner dashes; at most 64 characters. */
    public static final Pattern PLATFORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public StreamId {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(platform, "platform");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, was '" + country + "'");
        }
        if (!PLATFORM.matcher(platform).matches()) {
            throw new IllegalArgumentException("platform must be a lower-case slug, was '" + platform + "'");
        }
    }

    @JsonCreator
    public static StreamId parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("stream id must look like 'RU/whatsapp', was '" + text + "'");
        }
        return new StreamId(text.substring(0, slash), text.substring(slash + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return country + "/" + platform;
    }
}
