package org.restrictionledger.bench;

import org.restrictionledger.infra.SigningKey;

import java.time.Duration;
import java.util.List;

/**
 * The harness's credentials: a key made for this run (the services it starts trust its public half) and one operator
 * token, which may submit reports and start a rebuild alike.
 */
final class BenchToken {

    static final SigningKey KEY = SigningKey.generate();
    static final String AUTHORIZATION = "Bearer "
            + KEY.token("benchmark", "benchmark", Duration.ofDays(1), List.of("operator"));

    private BenchToken() {
    }
}
