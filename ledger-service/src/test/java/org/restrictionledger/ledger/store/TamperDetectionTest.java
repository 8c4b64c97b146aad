package org.restrictionledger.ledger.store;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.restrictionledger.events.Effective;
import org.restrictionledger.events.EventHashing;
import org.restrictionledger.events.Measure;
import org.restrictionledger.events.Source;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.command.ImposeRestriction;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ledger.domain.CommandHandler;
import org.restrictionledger.infra.PostgresServer;
import org.restrictionledger.testsupport.RealInfrastructure;
import org.restrictionledger.testsupport.TestInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    private List<UUID> impose(StreamId stream, Measure... measures) {
        List<UUID> ids = new ArrayList<>();
        for (Measure measure : measures) {
            CommandHandler.Handled outcome = handler.handle(new ImposeRestriction(UUID.randomUUID(), stream, measure,
                    measure == Measure.FEATURE_LIMIT ? List.of("voice_calls") : List.of(), "Roskomnadzor", null,
                    "reason", Effective.day(LocalDate.of(2026, 2, 1)), List.of(new Source(null, "Example", null)),
                    Instant.now()));
            ids.addAll(outcome.outcome().eventIds());
        }
        return ids;
    }

    @Test
    void verifyFindsTheFirstAlteredEvent() throws SQLException {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        List<UUID> ids = impose(stream, Measure.FEATURE_LIMIT, Measure.DOMAIN_DELISTING, Measure.FULL_BLOCK);
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

    /**
     * A later v1 ledger writes an event with a member this version does not know (an additive change, which the
     * schemas allow), hashed as the spec says. This version still verifies the chain, shows the member as stored, and
     * chains its own next event onto it.
     */
    @Test
    void anEventWithAMemberThisVersionDoesNotKnowVerifiesAndTheChainGoesOn() throws SQLException {
        StreamId stream = new StreamId("RU", "p-" + UUID.randomUUID().toString().substring(0, 8));
        impose(stream, Measure.FEATURE_LIMIT, Measure.DOMAIN_DELISTING);
        String path = "/api/v1/streams/" + stream;

        PostgresServer server = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
             Statement sql = connection.createStatement()) {
            ObjectNode previous;
            long position;
            try (ResultSet row = sql.executeQuery("SELECT data::text FROM events WHERE stream_id = '" + stream
                    + "' AND stream_version = 2")) {
                row.next();
                previous = (ObjectNode) Json.tree(row.getString(1));
            }
            try (ResultSet row = sql.executeQuery("SELECT nextval('event_position_seq')")) {
                row.next();
                position = row.getLong(1);
            }
            ObjectNode next = previous.deepCopy();
            next.put("eventId", UUID.randomUUID().toString());
            next.put("streamVersion", 3);
            next.put("position", position);
            next.put("commandId", UUID.randomUUID().toString());
            next.put("prevHash", previous.path("hash").asText());
            ((ObjectNode) next.path("event")).put("measure", "THROTTLING");
            next.put("region", "nationwide");
            ((ObjectNode) next.path("event")).putObject("observation").put("probes", 12);
            next.put("hash", EventHashing.hashOf(next));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (position, event_id, "
                    + "stream_id, stream_version, event_type, effective_date, recorded_at, command_id, prev_hash, hash, "
                    + "data) VALUES (?, ?::uuid, ?, 3, 'restriction.imposed', DATE '2026-02-01', now(), ?::uuid, ?, ?, "
                    + "?::jsonb)")) {
                insert.setLong(1, position);
                insert.setString(2, next.path("eventId").asText());
                insert.setString(3, stream.toString());
                insert.setString(4, next.path("commandId").asText());
                insert.setString(5, next.path("prevHash").asText());
                insert.setString(6, next.path("hash").asText());
                insert.setString(7, Json.write(next));
                assertEquals(1, insert.executeUpdate());
            }
        }

        given().when().get(path + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(3)).body("firstBrokenLink", nullValue());
        given().when().get(path).then().statusCode(200)
                .body("version", equalTo(3))
                .body("events[2].region", equalTo("nationwide"))
                .body("events[2].event.observation.probes", equalTo(12));

        impose(stream, Measure.APP_STORE_REMOVAL);
        given().when().get(path + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(4));
    }
}
