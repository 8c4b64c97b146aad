package org.restrictionledger.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.restrictionledger.infra.PostgresServer;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the real broker and a fresh database of its own on the real PostgreSQL of
 * {@link TestInfrastructure}. Use with {@code @WithTestResource(value = RealInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "ledger"))}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = TestInfrastructure.postgres();
        return Map.of(
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.recreateDatabase(database + "_test"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The broker and the server outlive one Quarkus application: TestInfrastructure stops them with the JVM.
    }
}
