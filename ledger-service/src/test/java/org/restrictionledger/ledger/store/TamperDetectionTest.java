package org.restrictionledger.ledger.store;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A database superuser can get past the append-only guard; the hash chain still tells. The tampering runs as the
 * test database's superuser, as an attacker with that power would.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ledger"))
class TamperDetectionTest {

    @Inject
    CommandHandler handler;

    /** The test database, reached as the server's superuser (the service's own role could not do this). */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void verifyFindsTheFirstAlteredEvent() throws SQLException {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        List<UUID> ids = new java.util.ArrayList<>();
        for (Measure measure : List.of(Measure.FEATURE_LIMIT, Measure.DOMAIN_DELISTING, Measure.FULL_BLOCK)) {
            CommandHandler.Handled outcome = handler.handle(new ImposeRestriction(UUID.randomUUID(), stream, measure,
                    measure == Measure.FEATURE_LIMIT ? List.of("voice_calls") : List.of(), "Roskomnadzor", null,
                    "reason", Effective.day(LocalDate.of(2026, 2, 1)), List.of(new Source(null, "Example", null)),
                    Instant.now()));
            ids.addAll(outcome.outcome().eventIds());
        }
        String path = "/api/v1/streams/" + stream + "/verify";
        given().when().get(path).then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(3)).body("firstBrokenLink", nullValue());

        PostgresServer server = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
             Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE events DISABLE TRIGGER events_append_only");
            try {
                assertEquals(1, sql.executeUpdate("UPDATE events SET data = jsonb_set(data, '{event,reason}', "
                        + "'\"nothing happened\"') WHERE stream_id = '" + stream + "' AND stream_version = 2"));
            } finally {
                sql.execute("ALTER TABLE events ENABLE TRIGGER events_append_only");
            }
        }

        given().when().get(path).then().statusCode(200)
                .body("valid", equalTo(false))
                .body("checked", equalTo(1))
                .body("firstBrokenLink.streamVersion", equalTo(2))
                .body("firstBrokenLink.eventId", equalTo(ids.get(1).toString()))
                .body("firstBrokenLink.problem", equalTo("content does not match its hash: the event was altered"));
    }
}
