package org.restrictionledger.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How events travel on {@code restrictions.events.v1}: CloudEvents 1.0 in Kafka binary mode. The attributes are
 * {@code ce_*} record headers, the record value is the JSON of the {@link RecordedEvent}, the key is the stream id.
 * <p>
 * The one codec of those records: {@link #headers} writes the attributes (the ledger), {@link #read} reads a record
 * back and checks that its headers say what its data is (the query service, live and in a rebuild, and any partner).
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "org.restrictionledger.";
    public static final String TYPE_SUFFIX = ".v1";
    public static final String CONTENT_TYPE_JSON = "application/json";

    /** Kafka header names (binary content mode, CloudEvents Kafka protocol binding). */
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_DATA_SCHEMA = "ce_dataschema";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    /** Extension attributes: the event's place in its stream and in the ledger. */
    public static final String HEADER_STREAM_VERSION = "ce_streamversion";
    public static final String HEADER_POSITION = "ce_position";

    private CloudEvents() {
    }

    /**
     * The attributes of an event's record, as Kafka headers (name → value) in a stable order.
     *
     * @param source          the {@code ce_source} of the producer, e.g. {@code /restriction-ledger/ledger-service}
     * @param contractBaseUrl the public URL of the ledger's {@code /contract}, for {@code ce_dataschema}
     */
    public static Map<String, String> headers(RecordedEvent event, String source, String contractBaseUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_SPEC_VERSION, SPEC_VERSION);
        headers.put(HEADER_ID, event.eventId().toString());
        headers.put(HEADER_SOURCE, source);
        headers.put(HEADER_TYPE, event.cloudEventType());
        headers.put(HEADER_SUBJECT, event.stream().toString());
        headers.put(HEADER_TIME, event.recordedAt().toString());
        headers.put(HEADER_DATA_SCHEMA, dataSchemaOf(contractBaseUrl, event.event().type()));
        headers.put(HEADER_CONTENT_TYPE, CONTENT_TYPE_JSON);
        headers.put(HEADER_STREAM_VERSION, Long.toString(event.streamVersion()));
        headers.put(HEADER_POSITION, Long.toString(event.position()));
        return headers;
    }

    /**
     * Reads an event's record: the data must be a valid v1 event ({@link EventCodec#decode}) and the headers must say
     * they carry it: CloudEvents {@value #SPEC_VERSION}, the event's id and its type. The other attributes are
     * informative and not checked (a partner's relay may rewrite {@code ce_source}).
     *
     * @param header a header's value by name, null when the record has none
     * @throws EventCodec.InvalidEventException when the data is not a valid event, or the headers disagree with it
     */
    public static RecordedEvent read(String data, Function<String, String> header) {
        if (data == null) {
            throw new EventCodec.InvalidEventException(List.of("the record has no value"));
        }
        RecordedEvent event = EventCodec.decode(data);
        List<String> disagreements = new ArrayList<>(3);
        expect(header, HEADER_SPEC_VERSION, SPEC_VERSION, disagreements);
        expect(header, HEADER_ID, event.eventId().toString(), disagreements);
        expect(header, HEADER_TYPE, event.cloudEventType(), disagreements);
        if (!disagreements.isEmpty()) {
            throw new EventCodec.InvalidEventException(List.of("the CloudEvent headers disagree with the data of event "
                    + event.eventId() + ": " + String.join(", ", disagreements)));
        }
        return event;
    }

    private static void expect(Function<String, String> header, String name, String expected, List<String> disagreements) {
        String actual = header.apply(name);
        if (!expected.equals(actual)) {
            disagreements.add(name + " is " + (actual == null ? "absent" : "'" + actual + "'") + ", not '" + expected + "'");
        }
    }

    /** {@code restriction.imposed} → {@code org.restrictionledger.restriction.imposed.v1}. */
    public static String typeOf(LedgerEvent event) {
        return TYPE_PREFIX + event.type() + TYPE_SUFFIX;
    }

    /** The inverse of {@link #typeOf}: {@code org.restrictionledger.restriction.imposed.v1} → {@code restriction.imposed}. */
    public static String catalogueType(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(TYPE_PREFIX) || !cloudEventType.endsWith(TYPE_SUFFIX)) {
            throw new IllegalArgumentException("not a v1 Restriction Ledger event type: " + cloudEventType);
        }
        return cloudEventType.substring(TYPE_PREFIX.length(), cloudEventType.length() - TYPE_SUFFIX.length());
    }

    /**
     * The permanent name ({@code $id}) of an event type's JSON Schema; the file is on the classpath of this module.
     * It names the schema; where a deployment serves it is {@link #dataSchemaOf(String, String)}.
     */
    public static String dataSchemaOf(String catalogueType) {
        return "https://restrictionledger.org/schemas/" + catalogueType + TYPE_SUFFIX + ".json";
    }

    /**
     * The {@code ce_dataschema} of an event type: where the ledger serves its schema, byte for byte the file in this
     * module, e.g. {@code http://ledger:8082/contract} → {@code http://ledger:8082/contract/schemas/restriction.imposed.v1.json}.
     *
     * @param baseUrl the public URL of the ledger's {@code /contract}, without a trailing slash
     */
    public static String dataSchemaOf(String baseUrl, String catalogueType) {
        return baseUrl + "/schemas/" + catalogueType + TYPE_SUFFIX + ".json";
    }
}
