package org.restrictionledger.events;

/**
 * How events travel on {@code restrictions.events.v1}: CloudEvents 1.0 in Kafka binary mode. The attributes are
 * {@code ce_*} record headers, the record value is the JSON of the {@link RecordedEvent}, the key is the stream id.
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
