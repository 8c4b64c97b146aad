package org.restrictionledger.infra;

import java.time.Duration;
import java.util.List;

/**
 * The ready-made tokens {@code ./run-local.sh} prints: a reporter and an operator, long-lived because they only ever
 * open the services of this machine (signed by the key in {@code .local-data/auth/}, which no deployment trusts).
 */
public record LocalTokens(String reporter, String operator) {

    public static final Duration LIFETIME = Duration.ofDays(365);

    public static LocalTokens of(SigningKey key) {
        return new LocalTokens(
                key.token("local-reporter", "local-reporter", LIFETIME, List.of("reporter")),
                key.token("local-operator", "local-operator", LIFETIME, List.of("operator")));
    }
}
