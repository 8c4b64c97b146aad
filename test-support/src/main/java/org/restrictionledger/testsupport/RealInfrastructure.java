package org.restrictionledger.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.restrictionledger.infra.DatabaseRoles;
import org.restrictionledger.infra.PostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the real broker and a fresh database of its own on the real PostgreSQL of
 * {@link TestInfrastructure}, migrated by an owner role and used through a runtime role ({@link #roles(String)}). Use with {@code @WithTestResource(value = RealInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "ledger"))}. It also has the service verify bearer tokens with
 * {@link TestTokens}' public key.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    /**
     * The roles of a test database, as in production: {@code <database>_owner} migrates, {@code <database>_runtime}
     * is what the service connects as.
     */
    public static DatabaseRoles roles(String database) {
        return new DatabaseRoles(database + "_owner", "owner-test-secret", database + "_runtime", "runtime-test-secret");
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = TestInfrastructure.postgres();
        DatabaseRoles roles = roles(database);
        Map<String, String> config = new HashMap<>(roles.configuration());
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.prepareDatabase(database + "_test", roles, true));
        // Bearer tokens: the service verifies what TestTokens signs.
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        return config;
    }

    @Override
    public void stop() {
        // The broker and the server outlive one Quarkus application: TestInfrastructure stops them with the JVM.
    }
}
