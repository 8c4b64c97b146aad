package org.restrictionledger.infra;

import java.util.Map;

/**
 * The two PostgreSQL roles of a service: the owner, which the migrations run as (and which owns every table), and
 * the runtime role, which the service connects as and which may only do what the migrations grant it (for the
 * ledger: append to and read the event store, never change it, never alter or disable its triggers).
 */
public record DatabaseRoles(String owner, String ownerPassword, String runtime, String runtimePassword) {

    /** The service's environment: the runtime role for its connections, the owner for Flyway. */
    public Map<String, String> environment() {
        return Map.of(
                "QUARKUS_DATASOURCE_USERNAME", runtime,
                "QUARKUS_DATASOURCE_PASSWORD", runtimePassword,
                "QUARKUS_FLYWAY_USERNAME", owner,
                "QUARKUS_FLYWAY_PASSWORD", ownerPassword);
    }

    /** The same as Quarkus configuration keys. */
    public Map<String, String> configuration() {
        return Map.of(
                "quarkus.datasource.username", runtime,
                "quarkus.datasource.password", runtimePassword,
                "quarkus.flyway.username", owner,
                "quarkus.flyway.password", ownerPassword);
    }
}
