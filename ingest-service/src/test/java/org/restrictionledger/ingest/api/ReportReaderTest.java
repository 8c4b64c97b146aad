package org.restrictionledger.ingest.api;

import org.junit.jupiter.api.Test;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A member of the wrong type is named with what it should have been, in the client's words: the reason used to be
 * Jackson's "Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)".
 */
class ReportReaderTest {

    private static FieldError refused(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> ReportReader.bind(
                ReportReader.tree(json.getBytes(StandardCharsets.UTF_8), "Malformed report"), "Invalid report"));
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0);
    }

    @Test
    void aListWhereAStringBelongsSaysAStringWithoutJavaNames() {
        FieldError error = refused("{\"type\": \"restriction.imposed\", \"platform\": [\"x\"]}");

        assertEquals("platform", error.field());
        assertEquals("wrong type: expected a string", error.reason());
    }

    @Test
    void aStringWhereAListBelongsSaysAList() {
        FieldError error = refused("{\"type\": \"restriction.imposed\", \"features\": {\"a\": 1}}");

        assertEquals("features", error.field());
        assertFalse(error.reason().contains("java."), error.reason());
        assertEquals("wrong type: expected a list", error.reason());
    }
}
