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

    /** The other documents of the contract, each with a schema of its own in the same folder. */
    public static final String COMMAND = "command";
    public static final String OUTCOME = "outcome";
    public static final String STATUS = "status";
    public static final String CHECKPOINT = "checkpoint";

    /** Where the contract's files live on the classpath (and, below {@code /contract/}, on the ledger's HTTP API). */
    public static final String CONTRACT_ROOT = "org/restrictionledger/events/";

    /** The schema's file name, e.g. {@code restriction.imposed.v1.json} or {@code command.v1.json}. */
    public static String fileOf(String name) {
        return name + CloudEvents.TYPE_SUFFIX + ".json";
    }

    /** The classpath resource of a type's (or another contract document's) schema. */
    public static String resourceOf(String type) {
        return CONTRACT_ROOT + "schemas/" + fileOf(type);
    }

    /**
     * Every violation of one of the contract's schemas by the document; empty when valid.
     *
     * @param name an event type, or {@link #COMMAND}, {@link #OUTCOME}, {@link #STATUS}, {@link #CHECKPOINT}
     */
    public static List<String> validate(String name, JsonNode document) {
        return schema(name).validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
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
