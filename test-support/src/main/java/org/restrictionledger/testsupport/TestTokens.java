package org.restrictionledger.testsupport;

import org.restrictionledger.infra.SigningKey;

import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for tests, signed by one test key per JVM. {@link RealInfrastructure} gives every
 * {@code @QuarkusTest} its public key, and the e2e suite hands it to the packaged services, so a token minted here is
 * what a real identity provider's token is to them. The key lives in a system property because a Quarkus test loads
 * this class more than once (test class loader, application class loader), and all copies must sign alike.
 */
public final class TestTokens {

    public static final String REPORTER = "reporter";
    public static final String OPERATOR = "operator";
    public static final String READER = "reader";

    private static final String KEY_PROPERTY = "rl.test.jwt.signing-key";

    private TestTokens() {
    }

    /** The test key (created on first use). */
    public static synchronized SigningKey key() {
        String existing = System.getProperty(KEY_PROPERTY);
        if (existing != null) {
            return SigningKey.ofPrivateKeyBase64(existing);
        }
        SigningKey key = SigningKey.generate();
        System.setProperty(KEY_PROPERTY, key.privateKeyBase64());
        return key;
    }

    /** What a service verifies tokens with: the value of {@code quarkus.oidc.public-key}. */
    public static String publicKey() {
        return key().publicKeyBase64();
    }

    /** A token for {@code subject} with these roles, valid for an hour. */
    public static String token(String subject, String... roles) {
        return key().token(subject, subject, Duration.ofHours(1), List.of(roles));
    }

    /** A reporter's token, subject {@code test-reporter}. */
    public static String reporter() {
        return token("test-reporter", REPORTER);
    }

    /** An operator's token, subject {@code test-operator}. */
    public static String operator() {
        return token("test-operator", OPERATOR);
    }

    /** {@code Authorization} header value for a token. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
