package org.restrictionledger.faults;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.restrictionledger.events.EventCodec;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.Topics;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.testsupport.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under steady load, the ledger is killed (SIGKILL) three times and the query service twice, the broker is stopped
 * and restarted once and PostgreSQL once, and the ledger and query scale out to two instances and back (partitions
 * move between instances twice); the short form injects the first four: a kill, the scale-out, a PostgreSQL restart
 * and the scale-in. Then every submission ingest answered
 * is ACCEPTED or REJECTED (none PENDING), every accepted event is in the ledger exactly once and in the read model
 * exactly once, the read model equals a fold of the ledger's streams, every touched chain verifies, and the events
 * topic carries every stream in version order. Last, everything is stopped at once, the broker first
 * (Ctrl-C on {@code ./run-local.sh}), and every service must end within its shutdown timeout.
 * <p>
 * Short form in {@code ./mvnw verify}; the long form: {@code ./mvnw -pl fault-injection -am verify -Dfaults.mode=long}.
 */
class FaultInjectionIT {

    static {
        // Every request carries a reporter's token (the probes submit; the reads take it as well).
        io.restassured.RestAssured.authentication = io.restassured.RestAssured.oauth2(TestTokens.reporter());
    }

    /** @param faults how many of the faults below, in order: the short form takes one of each kind */
    private record Mode(int perSecond, int platforms, Duration between, int faults) {
        static Mode of(String name) {
            return "long".equals(name)
                    ? new Mode(200, 500, Duration.ofSeconds(40), Integer.MAX_VALUE)
                    : new Mode(30, 100, Duration.ofSeconds(6), 4);
        }
    }

    private record Fault(String name, Runnable inject) {
    }

    @Test
    void nothingIsLostOrDuplicatedWhateverFails() {
        Mode mode = Mode.of(System.getProperty("faults.mode", "short"));
        Map<String, Long> recovery = new LinkedHashMap<>();
        try (Stack stack = new Stack()) {
            // Partitions move between instances twice: when second instances join the groups, and when the first
            // ones leave; load goes on meanwhile.
            List<Fault> faults = List.of(
                    new Fault("kill -9 ledger #1", () -> stack.crash(Stack.Service.LEDGER)),
                    new Fault("2nd ledger, query join", () -> {
                        stack.scaleOut(Stack.Service.LEDGER);
                        stack.scaleOut(Stack.Service.QUERY);
                    }),
                    new Fault("restart PostgreSQL", () -> stack.restartPostgres(Duration.ofSeconds(5))),
                    new Fault("1st ledger, query leave", () -> {
                        stack.scaleIn(Stack.Service.LEDGER);
                        stack.scaleIn(Stack.Service.QUERY);
                    }),
                    new Fault("restart broker", () -> stack.restartBroker(Duration.ofSeconds(5))),
                    new Fault("kill -9 query #1", () -> stack.crash(Stack.Service.QUERY)),
                    new Fault("kill -9 ledger #2", () -> stack.crash(Stack.Service.LEDGER)),
                    new Fault("kill -9 query #2", () -> stack.crash(Stack.Service.QUERY)),
                    new Fault("kill -9 ledger #3", () -> stack.crash(Stack.Service.LEDGER)));
            faults = faults.subList(0, Math.min(faults.size(), mode.faults()));

            Load load = new Load(stack.url(Stack.Service.INGEST), mode.perSecond(), mode.platforms());
            try {
                for (Fault fault : faults) {
                    Stack.pause(mode.between());
                    long start = System.nanoTime();
                    fault.inject().run();
                    recovery.put(fault.name(), probe(stack, start));
                }
                Stack.pause(mode.between());
            } finally {
                load.close();
            }

            Result result = check(stack, load);
            System.out.println(table(faults.size(), load, result, recovery));
            assertEquals(0, result.pending, "submissions still PENDING");
            assertEquals(0, result.lost, "accepted events missing from the ledger or the read model");
            assertEquals(0, result.duplicated, "events in the ledger or the read model more than once");
            assertEquals(0, result.mismatched, "read-model streams that differ from a fold of the ledger");
            assertEquals(0, result.broken, "hash chains that do not verify");
            assertEquals(0, result.disordered, "streams whose events the topic carries out of version order");
            assertTrue(result.accepted > 0 && result.rejected > 0, "both outcomes occurred");

            Map<Stack.Service, Duration> stopped = stack.stopAllAtOnce(Duration.ofSeconds(35));
            System.out.println("stopping everything at once, broker first: " + stopped);
            stopped.forEach((service, took) -> assertNotNull(took, service + " did not end within 35 s of SIGTERM"));
        }
    }

    /** A report sent right after the fault: milliseconds until it is visible in the query API. */
    private static long probe(Stack stack, long since) {
        String platform = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"type": "restriction.imposed", "country": "IS", "platform": "%s", "measure": "THROTTLING",
                 "effective": "2026-01-15", "sources": [{"publisher": "probe"}]}""".formatted(platform);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().baseUri(stack.url(Stack.Service.INGEST)).contentType("application/json")
                        .body(body).header("Idempotency-Key", platform)
                        .when().post("/api/v1/reports").statusCode() == 202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> given().baseUri(stack.url(Stack.Service.QUERY))
                        .when().get("/api/v1/countries/IS/platforms/" + platform)
                        .then().statusCode(200).body("status", equalTo("THROTTLED")));
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }

    private static final class Result {
        long accepted;
        long rejected;
        long pending;
        long lost;
        long duplicated;
        long mismatched;
        long broken;
        long disordered;
        int streams;
    }

    private static Result check(Stack stack, Load load) {
        Result r = new Result();
        String ingest = stack.url(Stack.Service.INGEST);
        Set<UUID> acceptedEvents = new HashSet<>();
        Set<String> streams = new HashSet<>();
        for (String id : List.copyOf(load.submitted)) {
            // the load submits under its own subject: an operator reads every submitter's submissions
            JsonPath submission = poll(() -> given().baseUri(ingest).auth().oauth2(TestTokens.operator())
                    .when().get("/api/v1/submissions/" + id)
                    .then().statusCode(200).extract().jsonPath(), s -> !"PENDING".equals(s.getString("status")));
            switch (submission.getString("status")) {
                case "ACCEPTED" -> {
                    r.accepted++;
                    submission.getList("eventIds", String.class).forEach(e -> acceptedEvents.add(UUID.fromString(e)));
                }
                case "REJECTED" -> r.rejected++;
                default -> r.pending++;
            }
            streams.add(submission.getString("stream"));
        }
        r.streams = streams.size();

        Map<UUID, Integer> inLedger = new HashMap<>();
        Map<UUID, Integer> commands = new HashMap<>();
        Map<String, Integer> inReadModel = new HashMap<>();
        for (String stream : streams) {
            StreamId id = StreamId.parse(stream);
            List<RecordedEvent> events = ledger(stack, id);
            events.forEach(e -> {
                inLedger.merge(e.eventId(), 1, Integer::sum);
                commands.merge(e.commandId(), 1, Integer::sum);
            });
            if (!given().baseUri(stack.url(Stack.Service.LEDGER)).when().get("/api/v1/streams/" + stream + "/verify")
                    .then().statusCode(200).extract().jsonPath().getBoolean("valid")) {
                r.broken++;
            }
            StreamStatus folded = StatusFold.fold(id, events);
            JsonPath projected = poll(() -> given().baseUri(stack.url(Stack.Service.QUERY))
                    .when().get("/api/v1/countries/" + id.country() + "/platforms/" + id.platform())
                    .then().extract().jsonPath(), p -> p.getLong("version") == folded.version());
            if (projected.getLong("version") != folded.version()
                    || !folded.status().name().equals(projected.getString("status"))) {
                r.mismatched++;
            }
        }
        for (String country : Load.COUNTRIES) {
            timeline(stack, country).forEach(e -> inReadModel.merge(e, 1, Integer::sum));
        }
        for (UUID event : acceptedEvents) {
            if (!inLedger.containsKey(event) || !inReadModel.containsKey(event.toString())) {
                r.lost++;
            }
        }
        r.disordered = disordered(stack.bootstrapServers());
        r.duplicated = inLedger.values().stream().filter(n -> n > 1).count()
                + commands.values().stream().filter(n -> n > 1).count()
                + inReadModel.entrySet().stream().filter(e -> e.getValue() > 1).count();
        return r;
    }

    /**
     * Streams whose events the topic does not carry in version order: read from offset 0, each stream's events must
     * first appear as versions 1, 2, 3, … (a record published again after a crash, the same event id, may come
     * later; a version skipped or overtaken may not), whichever ledger instance published them.
     */
    private static long disordered(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Long> last = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        Set<String> disordered = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    RecordedEvent event = EventCodec.decode(record.value());
                    if (seen.add(event.eventId())) {
                        long expected = last.getOrDefault(record.key(), 0L) + 1;
                        if (event.streamVersion() != expected) {
                            disordered.add(record.key());
                        }
                        last.put(record.key(), event.streamVersion());
                    }
                }
            }
        }
        return disordered.size();
    }

    private static List<RecordedEvent> ledger(Stack stack, StreamId stream) {
        String json = given().baseUri(stack.url(Stack.Service.LEDGER)).when().get("/api/v1/streams/" + stream)
                .then().statusCode(200).extract().asString();
        List<RecordedEvent> events = new ArrayList<>();
        Json.tree(json).get("events").forEach(e -> events.add(Json.mapper().convertValue(e, RecordedEvent.class)));
        return events;
    }

    /** Every event id of the country's timeline, page by page (the read model's view of it). */
    private static List<String> timeline(Stack stack, String country) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(stack.url(Stack.Service.QUERY)).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/countries/" + country + "/timeline")
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.eventId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** The answer once {@code done} holds: at once when it already does, else polled for at most 5 minutes. */
    private static JsonPath poll(Supplier<JsonPath> read, java.util.function.Predicate<JsonPath> done) {
        List<JsonPath> last = new ArrayList<>(List.of(read.get()));
        if (done.test(last.get(0))) {
            return last.get(0);
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            last.set(0, read.get());
            return done.test(last.get(0));
        });
        return last.get(0);
    }

    private static String table(int faults, Load load, Result r, Map<String, Long> recovery) {
        long max = recovery.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder out = new StringBuilder("\nfault injection\n");
        out.append("| faults injected | reports sent | submitted | accepted | rejected | not taken (retry) | pending | lost | duplicated | read model ≠ fold | broken chains | out of order on the topic | streams | max recovery |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        out.append(String.format("| %d | %d | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d | %d | %.1f s |%n", faults,
                load.sent.get(), load.submitted.size(), r.accepted, r.rejected, load.refused, r.pending, r.lost,
                r.duplicated, r.mismatched, r.broken, r.disordered, r.streams, max / 1000.0));
        recovery.forEach((fault, ms) -> out.append(String.format("  %-22s visible again after %.1f s%n", fault, ms / 1000.0)));
        return out.toString();
    }
}
