package org.restrictionledger.query.webhooks;

import org.junit.jupiter.api.Test;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text a subscription would store must be text PostgreSQL and every reader take as it is: a U+0000 in the
 * description reached the INSERT and was answered 500, and an unpaired surrogate was silently stored as '?'.
 */
class SubscriptionRequestTest {

    @Test
    void aNulInTheDescriptionIsAProblemNamingTheFieldNotAServerError() {
        List<FieldError> errors = refused("{\"url\":\"https://partner.example.org/h\",\"description\":\"a\\u0000b\"}");

        assertEquals("description", errors.get(0).field());
        assertTrue(errors.get(0).reason().contains("U+0000"), errors.get(0).reason());
    }

    @Test
    void anUnpairedSurrogateInTheDescriptionIsRefusedRatherThanStoredAsAQuestionMark() {
        List<FieldError> errors = refused("{\"url\":\"https://partner.example.org/h\",\"description\":\"\\ud800\"}");

        assertEquals("description", errors.get(0).field());
        assertTrue(errors.get(0).reason().contains("surrogate"), errors.get(0).reason());
    }

    @Test
    void anInvisibleCharacterInTheUrlIsRefused() {
        List<FieldError> errors = refused("{\"url\":\"https://partner.example.org/h\\u202e\"}");

        assertEquals("url", errors.get(0).field());
    }

    @Test
    void freeTextWithLineBreaksAndRightToLeftScriptStaysAllowed() {
        SubscriptionRequest.Valid valid = SubscriptionRequest.read(
                "{\"url\":\"https://partner.example.org/h\",\"description\":\"شركاء\\nline two\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals("شركاء\nline two", valid.description());
    }

    private static List<FieldError> refused(String body) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> SubscriptionRequest.read(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.problem().status());
        return e.problem().errors();
    }
}
