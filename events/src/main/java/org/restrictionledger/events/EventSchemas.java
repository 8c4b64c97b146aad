package org.restrictionledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas (draft 2020-12) of the event data, one per catalogue type, kept in this module under
 * {@code org/restrictionledger/events/schemas/<type>.v1.json}: partners validate against the same files.
 */
public final class EventSchemas {

    public static final List<String> TYPES = List.of(RestrictionImposed.TYPE, RestrictionChanged.TYPE,
            RestrictionLifted.TYPE, FineImposed.TYPE, FinePaid.TYPE, FineAnnulled.TYPE, AlternativePromoted.TYPE,
            RecordCorrected.TYPE);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The classpath resource of a type's schema. */
    public static String resourceOf(String type) {
        return "org/restrictionledger/events/schemas/" + type + CloudEvents.TYPE_SUFFIX + ".json";
    }

    /** Every violation of the document's schema, or of its type when it names none we know; empty when valid. */
    public static List<String> validate(JsonNode document) {
        String type = document.path("event").path("type").asText(null);
        if (type == null || !TYPES.contains(type)) {
            return List.of("event.type: must be one of " + TYPES + ", was " + document.path("event").path("type"));
        }
        return schema(type).validate(document).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resourceOf(t))) {
                if (in == null) {
                    throw new IllegalStateException("schema missing from the classpath: " + resourceOf(t));
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
