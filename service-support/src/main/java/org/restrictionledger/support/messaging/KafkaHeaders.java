package org.restrictionledger.support.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/** Reading a record's headers as the services write them: UTF-8 text, the last value of a name winning. */
public final class KafkaHeaders {

    private KafkaHeaders() {
    }

    /** @return the header's value, or null when the record has none of that name */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
