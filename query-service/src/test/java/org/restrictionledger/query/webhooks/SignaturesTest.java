package org.restrictionledger.query.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturesTest {

    /** The example the Standard Webhooks reference libraries test against (secret, id, timestamp, body → signature). */
    @Test
    void signsThePublishedExampleAsTheReferenceLibrariesDo() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signatures.header(
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void duringARotationEachSecretSignsSpaceSeparated() {
        String a = Signatures.newSecret();
        String b = Signatures.newSecret();
        String header = Signatures.header(List.of(a, b), "id", 1, "{}");
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals("v1," + Signatures.sign(a, "id", 1, "{}"), parts[0]);
        assertEquals("v1," + Signatures.sign(b, "id", 1, "{}"), parts[1]);
        assertNotEquals(parts[0], parts[1]);
    }

    @Test
    void secretsAre32RandomBytesWithThePrefix() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, Signatures.newSecret());
        assertThrows(IllegalArgumentException.class, () -> Signatures.sign("not-a-secret", "id", 1, "{}"));
    }
}
