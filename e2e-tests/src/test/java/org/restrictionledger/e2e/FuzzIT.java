package org.restrictionledger.e2e;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import org.restrictionledger.testsupport.TestTokens;

/**
 * Hostile reports through the real ingest → ledger → query path of the packaged services, from a seeded generator:
 * valid reports with one or more fields replaced by what an attacker or a broken export sends (control characters,
 * lone surrogates, bidi overrides, invalid UTF-8, huge and deep values, wrong types, duplicate keys, trailing bytes,
 * dates out of range, absurd amounts), on every endpoint. It holds that: no answer is a 5xx; every refusal is a short
 * problem document; every 202 reaches ACCEPTED or REJECTED within a bound; the services stay live; and a well-formed
 * report sent afterwards is accepted and visible within seconds.
 * <p>
 * {@code -Dfuzz.seconds=N} (default 20 in {@code ./mvnw verify}) and {@code -Dfuzz.seed=S} (printed on every run)
 * replay or lengthen it: {@code ./mvnw -pl e2e-tests -am verify -Dit.test=FuzzIT -Dfuzz.seconds=600}.
 */
class FuzzIT {

    private static final RunningProduct PRODUCT = RunningProduct.get();
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 422);
    private static final Pattern SUBMISSION = Pattern.compile("\"submissionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final String[] HOSTILE_TEXT = {"a\\u0000b", "\\u0001", "\\u0085", "\\u007f", "\\ud800", "x\\udc00y",
            "\\u202eRU", "whatsapp\\u200b", "\\ufeff", "\\uffff", "\\u2028", "", " ", "'; DROP TABLE events; --",
            "<script>alert(1)</script>", "=HYPERLINK(\\\"http://x\\\")", "\\\\", "%00", "😀".repeat(300),
            "x".repeat(3000), "-5000-01-01", "+10000-01-01", "0000-12-31", "2026-02-30", "9999-12-31", "2026-02",
            "TV", "tv", "Tuvalu", "XX", "fuzz-x", "FULL_BLOCK", "full-block", "fine.imposed",
            "record.corrected", "RETRACT", "AMEND", UUID.randomUUID().toString(), "1e2000000", "-1e2000000",
            "1e999999999", "NaN", "0", "-1", "0.001", "1".repeat(40), "RUB", "rub", "XXX", "https://example.org",
            "javascript:alert(1)", "http://" + "a".repeat(3000)};
    private static final String[] HOSTILE_JSON = {"null", "true", "1", "-0", "1e400", "[]", "{}", "[1]", "[null]",
            "{\"a\":1}", "\"\"", "[\"voice_calls\", 1]", "{\"date\": \"2026-02-12\", \"precision\": \"WEEK\"}",
            "{\"date\": [], \"precision\": {}}", "123456789012345678901234567890"};
    private static final String[] FIELDS = {"type", "country", "platform", "measure", "features", "fromMeasure",
            "direction", "restrictionId", "amount", "currency", "fineId", "replaces", "services", "targetEventId",
            "action", "amendment", "authority", "legalBasis", "reason", "effective", "sources", "repeat", "extra"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void hostileReportsNeverBreakTheLedger() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        long seconds = Long.getLong("fuzz.seconds", 20);
        System.out.println("FuzzIT seed " + seed + " (-Dfuzz.seed=" + seed + " replays it), " + seconds + " s");
        Random random = new Random(seed);
        String ingest = PRODUCT.url(RunningProduct.Service.INGEST);
        List<String> submitted = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int sent = 0;
        String token = TestTokens.reporter();
        while (System.nanoTime() < deadline) {
            int shape = random.nextInt(10);
            String path = shape < 7 ? "/api/v1/reports" : "/api/v1/reports/batch";
            String contentType = shape == 9 ? "application/x-ndjson" : "application/json";
            byte[] body = switch (shape) {
                case 7 -> ("[" + report(random) + "," + report(random) + "]").getBytes(StandardCharsets.UTF_8);
                case 8 -> ("[" + report(random) + "]" + (random.nextBoolean() ? "x" : "")).getBytes(StandardCharsets.UTF_8);
                case 9 -> (report(random).replace("\n", " ") + "\n" + report(random).replace("\n", " ")).getBytes(StandardCharsets.UTF_8);
                default -> bytes(random, report(random));
            };
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + path))
                    .header("Content-Type", contentType).header("Authorization", TestTokens.bearer(token))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            sent++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String answer = response.body();
            if (response.statusCode() >= 500 || !(response.statusCode() == 200 || response.statusCode() == 202
                    || REFUSALS.contains(response.statusCode()))) {
                fail("seed " + seed + ": " + response.statusCode() + " for " + excerpt(body) + ": " + answer);
            }
            if (REFUSALS.contains(response.statusCode())) {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                        "seed " + seed + ": " + answer);
                assertTrue(answer.length() < 16_384, "seed " + seed + ": " + answer.length() + "-byte refusal");
            }
            Matcher ids = SUBMISSION.matcher(answer);
            while (ids.find()) {
                submitted.add(ids.group(1));
            }
        }
        System.out.println("FuzzIT sent " + sent + " requests: " + statuses + ", " + submitted.size() + " submissions");

        for (String id : submitted) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                String status = given().baseUri(ingest).when().get("/api/v1/submissions/" + id)
                        .then().statusCode(200).extract().path("status");
                return status.equals("ACCEPTED") || status.equals("REJECTED");
            });
        }
        for (RunningProduct.Service service : RunningProduct.Service.values()) {
            given().baseUri(PRODUCT.managementUrl(service)).when().get("/q/health/live").then().statusCode(200);
        }

        String platform = "after-fuzz-" + Long.toHexString(seed & 0xffffff);
        String id = given().baseUri(ingest).contentType("application/json").body("""
                        {"type": "restriction.imposed", "country": "KI", "platform": "%s", "measure": "THROTTLING",
                         "effective": "2026-02-01", "sources": [{"publisher": "after the fuzzing"}]}""".formatted(platform))
                .when().post("/api/v1/reports").then().statusCode(202).extract().path("submissionId");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().baseUri(ingest)
                .when().get("/api/v1/submissions/" + id).then().body("status", equalTo("ACCEPTED")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .baseUri(PRODUCT.url(RunningProduct.Service.QUERY))
                .when().get("/api/v1/countries/KI/platforms/" + platform).then().statusCode(200)
                .body("status", equalTo("THROTTLED")));
    }

    /** A report that starts valid, with 0 to 3 of its members made hostile. */
    private static String report(Random random) {
        Map<String, String> members = new TreeMap<>();
        boolean fine = random.nextInt(3) == 0;
        members.put("type", fine ? "\"fine.imposed\"" : "\"restriction.imposed\"");
        // Countries and platforms no other test reads, so that what the fuzzing records changes no other answer.
        members.put("country", quoted(random, "TV", "Tuvalu", "NR", "PW"));
        members.put("platform", quoted(random, "fuzz-" + random.nextInt(50)));
        if (fine) {
            members.put("amount", quoted(random, "1000", "4000000.00", "1.5"));
            members.put("currency", quoted(random, "RUB", "USD"));
        } else {
            members.put("measure", quoted(random, "FULL_BLOCK", "THROTTLING", "OTHER"));
        }
        members.put("effective", quoted(random, "2025", "2025-12", "2026-01-0" + (1 + random.nextInt(9))));
        members.put("authority", quoted(random, "Roskomnadzor", "Tagansky court"));
        members.put("sources", "[{\"url\": \"https://example.org/" + random.nextInt(1000) + "\"}]");
        int hostile = random.nextInt(4);
        for (int i = 0; i < hostile; i++) {
            String field = FIELDS[random.nextInt(FIELDS.length)];
            members.put(field, random.nextBoolean()
                    ? "\"" + HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)] + "\""
                    : random.nextInt(5) == 0 ? nested(random.nextInt(50))
                    : HOSTILE_JSON[random.nextInt(HOSTILE_JSON.length)]);
        }
        StringBuilder json = new StringBuilder("{");
        members.forEach((k, v) -> json.append(json.length() > 1 ? ",\n" : "").append('"').append(k).append("\": ").append(v));
        if (random.nextInt(20) == 0) {
            json.append(", \"type\": \"fine.paid\"");
        }
        return json.append("}").toString();
    }

    private static String nested(int depth) {
        return "{\"amendment\": ".repeat(depth) + "{}" + "}".repeat(depth);
    }

    private static String quoted(Random random, String... values) {
        return "\"" + values[random.nextInt(values.length)] + "\"";
    }

    /** Mostly the report as UTF-8; sometimes with invalid bytes, a BOM, trailing garbage, or cut short. */
    private static byte[] bytes(Random random, String report) {
        byte[] utf8 = report.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(12)) {
            case 0 -> {
                out.writeBytes(utf8);
                out.write(0xff);
            }
            case 1 -> {
                out.write(0xef);
                out.write(0xbb);
                out.write(0xbf);
                out.writeBytes(utf8);
            }
            case 2 -> out.writeBytes(java.util.Arrays.copyOf(utf8, random.nextInt(utf8.length)));
            case 3 -> {
                out.writeBytes(utf8);
                out.writeBytes(" {}".getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                int at = random.nextInt(utf8.length);
                out.write(utf8, 0, at);
                out.write(0xc0 | random.nextInt(64));
                out.write(utf8, at, utf8.length - at);
            }
            default -> out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
