package org.restrictionledger.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.restrictionledger.ingest.domain.ReportNormaliser;
import org.restrictionledger.ingest.domain.ReportRequest;
import org.restrictionledger.support.problem.ExpectedType;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads report bodies strictly, so that nothing ambiguous becomes a permanent fact: UTF-8 only (invalid bytes are
 * refused, never replaced), one JSON document (trailing content is refused), no duplicate keys (which one would win
 * is the parser's choice, not the reporter's), nesting at most {@value #MAX_DEPTH} levels (a report needs five; a
 * deeper one is an attack on the parser's stack), and every member of the type the report says. Each refusal is a
 * 400 problem naming the field (or {@code body}) with a short excerpt, never the input at length.
 */
final class ReportReader {

    /** Deepest nesting of objects and arrays in one body (a batch's array counts as one level). */
    static final int MAX_DEPTH = 8;
    /** The longest JSON number literal: an amount's length bound. */
    static final int MAX_NUMBER = ReportNormaliser.MAX_AMOUNT_TEXT;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ReportReader() {
    }

    /** One report from a whole body. */
    static ReportRequest report(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("Malformed JSON", "body", "a report object is required");
        }
        return bind(tree(body, "Malformed JSON"), "Invalid report");
    }

    /** One JSON document, strictly; the problem is titled {@code title} when it is not. */
    static JsonNode tree(byte[] json, String title) {
        try {
            return STRICT.readTree(json);
        } catch (IOException e) {
            throw invalid(title, "body", describe(e));
        }
    }

    /** A report from its JSON object, every wrong type named by its path. */
    static ReportRequest bind(JsonNode node, String title) {
        if (node == null || !node.isObject()) {
            throw invalid(title, "body", "a report is a JSON object");
        }
        try {
            return STRICT.treeToValue(node, ReportRequest.class);
        } catch (JsonMappingException e) {
            throw invalid(title, path(e), describe(e));
        } catch (JsonProcessingException e) {
            throw invalid(title, "body", describe(e));
        }
    }

    /** The body as UTF-8 text, refusing invalid bytes instead of replacing them. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("Malformed body", "body", "not valid UTF-8");
        }
    }

    static String describe(Exception e) {
        if (e instanceof StreamConstraintsException) {
            return e.getMessage().contains("depth") ? "nested deeper than " + MAX_DEPTH + " levels"
                    : "a value is longer than this service reads (numbers: " + MAX_NUMBER + " characters)";
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "wrong type: expected " + ExpectedType.of(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "wrong type: " + firstLine(mapping.getOriginalMessage());
        }
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return firstLine(parse.getOriginalMessage()) + " (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")";
        }
        return e instanceof JsonProcessingException json ? firstLine(json.getOriginalMessage()) : "unreadable";
    }

    static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "body";
        }
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    private static ProblemException invalid(String title, String field, String reason) {
        return new ProblemException(Problem.invalid(title, List.of(new FieldError(field, reason))));
    }
}
