package org.restrictionledger.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.restrictionledger.testsupport.TestInfrastructure;
import org.restrictionledger.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator CLI as an operator runs it: the launcher script {@code ./rl} (which runs {@code cli/target/rl.jar}) as
 * a process, pointed at the packaged services by its environment variables, checked by its output and exit codes.
 * Kyrgyzstan is this test's country.
 */
class CliIT {

    private static final Path WORK = RunningProduct.ROOT.resolve("e2e-tests/target/cli-it");
    private static final RunningProduct PRODUCT = RunningProduct.get();

    /** One run of rl: its exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void packaged() throws IOException {
        assertTrue(Files.isRegularFile(RunningProduct.ROOT.resolve("cli/target/rl.jar")),
                "cli/target/rl.jar is missing: package the cli module first");
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("checkpoint.json"));
    }

    @Test
    void importStatusTimelineVerifyTailAndRebuild() throws Exception {
        Path csv = Files.writeString(WORK.resolve("kg.csv"), """
                type,country,platform,measure,authority,legal_basis,reason,effective,source_url,source_publisher
                restriction.imposed,Kyrgyzstan,WhatsApp,FULL_BLOCK,Ministry of Digital Development,OTHER,non-compliance with national law,2026-02,https://example.org/kg-whatsapp,Example News
                restriction.lifted,Kyrgyzstan,WhatsApp,THROTTLING,Ministry of Digital Development,OTHER,eased,2026-03,https://example.org/kg-whatsapp-2,Example News
                restriction.imposed,Atlantis,WhatsApp,FULL_BLOCK,Ministry,OTHER,unknown country,2026-02,https://example.org/atlantis,
                """);
        Files.deleteIfExists(WORK.resolve("kg.rejected.csv"));

        // tail first, so that it is following before the change happens ("from now" is its default)
        Process tail = start("tail", "--country", "Kyrgyzstan", "--max", "1");
        await().atMost(Duration.ofSeconds(60)).until(() -> read(WORK.resolve("tail.err")).contains("following "));

        Run first = rl("import", csv.toString(), "--progress", "lines");
        assertEquals(1, first.exit(), "rows rejected or invalid: exit 1\n" + first);
        assertTrue(first.out().contains("  accepted     1\n  rejected     1\n  invalid      1\n"), first.out());
        assertTrue(first.out().contains("1 × cannot lift: there is no THROTTLING restriction active on KG/whatsapp\n      row 3"), first.out());
        assertTrue(first.out().contains("row 4: country: unknown country 'Atlantis'"), first.out());
        assertTrue(first.err().contains("submitting 3/3 rows 100%"), "progress as plain lines: " + first.err());
        List<String> rejects = Files.readAllLines(WORK.resolve("kg.rejected.csv"));
        assertEquals(3, rejects.size(), String.join("\n", rejects));
        assertTrue(rejects.get(0).startsWith("rl_error,type,country"), rejects.get(0));
        assertTrue(rejects.get(1).startsWith("row 3: cannot lift"), rejects.get(1));
        assertEquals(1, ledgerVersion(), "the ledger has the one accepted row");

        Run again = rl("import", csv.toString(), "--progress", "none");
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.out().contains("  accepted     1\n  rejected     1\n  invalid      1\n"), again.out());
        assertTrue(again.out().contains("2 rows were submitted by an earlier run"), again.out());
        assertEquals(1, ledgerVersion(), "importing the same file again records nothing");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Run status = rl("status", "KG");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.out().startsWith("Kyrgyzstan (KG)\nPLATFORM  STATUS   SINCE"), status.out());
            assertTrue(status.out().contains("\nwhatsapp  BLOCKED  2026-02-01 (month)  FULL_BLOCK"), status.out());
        });
        Run detail = rl("status", "kyrgyzstan", "WhatsApp");
        assertEquals(0, detail.exit(), detail.toString());
        assertTrue(detail.out().startsWith("KG/whatsapp: BLOCKED since 2026-02-01 (month) (version 1"), detail.out());
        assertTrue(detail.out().contains("https://example.org/kg-whatsapp"), detail.out());
        Run before = rl("status", "KG", "--as-of", "2026-01-15");
        assertEquals(0, before.exit(), before.toString());
        // Before the block, WhatsApp is on record and was open then.
        assertTrue(before.out().startsWith("Kyrgyzstan (KG) as of 2026-01-15\nPLATFORM  STATUS"), before.out());
        assertTrue(before.out().contains("\nwhatsapp  OPEN "), "time travel: before the block\n" + before.out());

        Run timeline = rl("timeline", "KG", "whatsapp");
        assertEquals(0, timeline.exit(), timeline.toString());
        assertTrue(timeline.out().contains("KG/whatsapp  1  restriction.imposed  FULL_BLOCK by Ministry of Digital Development"),
                timeline.out());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Run verify = rl("verify", "Kyrgyzstan/WhatsApp");
            assertEquals(0, verify.exit(), verify.toString());
            assertTrue(verify.out().contains("KG/whatsapp  valid (1)  valid (1)  yes"), verify.out());
            assertTrue(verify.out().contains("Signed checkpoint: none saved at "), verify.out());
        });

        // a signed checkpoint kept beside the config file: later verifications check each stream still passes through it
        Run save = rl("checkpoint", "save", "--sign");
        assertEquals(0, save.exit(), save.toString());
        assertTrue(save.out().startsWith("Saved checkpoint "), save.out());
        Path saved = WORK.resolve("checkpoint.json");
        assertTrue(Files.readString(saved).contains("\"KG/whatsapp\""), "the checkpoint names KG/whatsapp");
        Run checked = rl("verify", "Kyrgyzstan/WhatsApp");
        assertEquals(0, checked.exit(), checked.toString());
        assertTrue(checked.out().contains("1 stream(s) still pass through their heads in ledger and topic"), checked.out());
        Run all = rl("verify", "--all");
        assertEquals(0, all.exit(), all.toString());
        assertTrue(all.out().contains("KG/whatsapp"), all.out());
        assertTrue(all.out().contains("still pass through their heads in ledger and topic"), all.out());

        // a kept checkpoint edited afterwards is not trusted: its signature no longer matches
        String head = JsonPath.from(given().baseUri(PRODUCT.url(RunningProduct.Service.LEDGER))
                .when().get("/api/v1/streams/KG/whatsapp").then().statusCode(200).extract().asString())
                .getString("events[0].hash");
        Files.writeString(saved, Files.readString(saved).replace(head, "0".repeat(64)));
        Run forged = rl("verify", "Kyrgyzstan/WhatsApp");
        assertEquals(1, forged.exit(), forged.toString());
        assertTrue(forged.out().contains("checkpoint: the signature does not match the checkpoint"), forged.out());
        assertTrue(forged.out().contains("KG/whatsapp (ledger): rewritten: v1 had hash 0000"), forged.out());
        Files.delete(saved);

        assertTrue(tail.waitFor(60, TimeUnit.SECONDS), "tail stops after --max 1 change");
        assertEquals(0, tail.exitValue());
        String changes = read(WORK.resolve("tail.out"));
        assertTrue(changes.matches("(?s)\\S+  KG/whatsapp  BLOCKED  v1  #\\d+\n"), changes);

        Run rebuild = rl("rebuild", "--wait", "120");
        assertEquals(0, rebuild.exit(), rebuild.toString());
        assertTrue(rebuild.out().contains("rebuild done: "), rebuild.out());
        assertTrue(rl("status", "KG", "whatsapp").out().startsWith("KG/whatsapp: BLOCKED"), "the rebuilt read model agrees");

        // rows of one stream keep their order however many requests are in flight: each lift finds its imposition
        Path ndjson = Files.writeString(WORK.resolve("kg-telegram.ndjson"), """
                {"type": "restriction.imposed", "country": "KG", "platform": "Telegram", "measure": "THROTTLING", "effective": "2026-01", "sources": [{"url": "https://example.org/kg-tg-1"}]}
                {"type": "restriction.lifted", "country": "KG", "platform": "Telegram", "measure": "THROTTLING", "effective": "2026-02", "sources": [{"url": "https://example.org/kg-tg-2"}]}
                {"type": "restriction.imposed", "country": "Kyrgyzstan", "platform": "tg", "measure": "FULL_BLOCK", "effective": "2026-03", "sources": [{"url": "https://example.org/kg-tg-3"}]}
                {"type": "restriction.lifted", "country": "KG", "platform": "telegram", "measure": "FULL_BLOCK", "effective": "2026-04", "sources": [{"url": "https://example.org/kg-tg-4"}]}
                """);
        Run ordered = rl("import", ndjson.toString(), "--concurrency", "16", "--progress", "none");
        assertEquals(0, ordered.exit(), "every row accepted: exit 0\n" + ordered);
        assertTrue(ordered.out().startsWith("Imported " + ndjson + " (NDJSON, 4 rows)\n  accepted     4\n"), ordered.out());

        // A reporter's token may import but not rebuild: the server says 403, rl exits 6 and says what to set.
        Process refused = startWithToken(TestTokens.reporter(), "rebuild");
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(6, refused.exitValue(), read(WORK.resolve("rebuild.err")));
        assertTrue(read(WORK.resolve("rebuild.err")).contains("RL_TOKEN"), read(WORK.resolve("rebuild.err")));

        Run unknown = rl("status", "Atlantis");
        assertEquals(4, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().startsWith("rl: query answered 404"), unknown.err());
    }

    private static int ledgerVersion() {
        return JsonPath.from(given().baseUri(PRODUCT.url(RunningProduct.Service.LEDGER))
                .when().get("/api/v1/streams/KG/whatsapp").then().statusCode(200).extract().asString()).getInt("version");
    }

    private static Run rl(String... args) throws Exception {
        Process process = start(args);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "rl " + String.join(" ", args) + " did not finish");
        String name = args[0];
        return new Run(process.exitValue(), read(WORK.resolve(name + ".out")), read(WORK.resolve(name + ".err")));
    }

    /** {@code ./rl ARGS} with the product's URLs in its environment; output in WORK/<command>.out and .err. */
    private static Process start(String... args) throws IOException {
        return startWithToken(TestTokens.operator(), args);
    }

    private static Process startWithToken(String token, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(RunningProduct.ROOT.resolve("rl").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectOutput(WORK.resolve(args[0] + ".out").toFile())
                .redirectError(WORK.resolve(args[0] + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("RL_"));
        env.put("RL_INGEST_URL", PRODUCT.url(RunningProduct.Service.INGEST));
        env.put("RL_LEDGER_URL", PRODUCT.url(RunningProduct.Service.LEDGER));
        env.put("RL_QUERY_URL", PRODUCT.url(RunningProduct.Service.QUERY));
        env.put("RL_KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        env.put("RL_CONFIG", WORK.resolve("no-config").toString());
        // An operator's token: rl imports (a reporter's right) and rebuilds (an operator's).
        env.put("RL_TOKEN", token);
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder.start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
