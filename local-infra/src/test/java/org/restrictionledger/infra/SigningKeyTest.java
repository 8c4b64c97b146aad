package org.restrictionledger.infra;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local signing key: kept across restarts, private half readable by its owner only, tokens that verify. */
class SigningKeyTest {

    @TempDir
    Path data;

    private static JwtConsumer verifier(String publicKeyBase64) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        return new JwtConsumerBuilder().setVerificationKey(key).setRequireExpirationTime()
                .setExpectedIssuer(SigningKey.LOCAL_ISSUER).build();
    }

    @Test
    void aRestartKeepsTheKeySoPrintedTokensStayValid() throws Exception {
        SigningKey first = SigningKey.loadOrCreate(data.resolve("auth"));
        SigningKey again = SigningKey.loadOrCreate(data.resolve("auth"));
        assertEquals(first.publicKeyBase64(), again.publicKeyBase64());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("auth/jwt-signing-key.pem"))));

        LocalTokens tokens = LocalTokens.of(first);
        JwtClaims reporter = verifier(again.publicKeyBase64()).processToClaims(tokens.reporter());
        assertEquals("local-reporter", reporter.getSubject());
        assertEquals(List.of("reporter"), reporter.getStringListClaimValue("groups"));
        assertEquals(List.of("operator"),
                verifier(again.publicKeyBase64()).processToClaims(tokens.operator()).getStringListClaimValue("groups"));
    }

    @Test
    void anotherKeysTokenDoesNotVerify() throws Exception {
        String foreign = SigningKey.generate().token("mallory", "mallory", Duration.ofMinutes(5), List.of("operator"));
        JwtConsumer local = verifier(SigningKey.loadOrCreate(data).publicKeyBase64());
        assertThrows(InvalidJwtException.class, () -> local.processToClaims(foreign));
    }
}
