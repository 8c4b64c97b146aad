package org.restrictionledger.cli;

import org.restrictionledger.cli.checkpoint.CheckpointCommand;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.cli.imports.ImportCommand;
import org.restrictionledger.cli.live.TailCommand;
import org.restrictionledger.cli.ops.DlqCommand;
import org.restrictionledger.cli.ops.RebuildCommand;
import org.restrictionledger.cli.query.StatusCommand;
import org.restrictionledger.cli.query.TimelineCommand;
import org.restrictionledger.cli.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code rl}: the operator's command line for Restriction Ledger. */
@Command(name = "rl", mixinStandardHelpOptions = true, versionProvider = Rl.Version.class,
        description = "The operator's command line for Restriction Ledger.",
        subcommands = {ImportCommand.class, StatusCommand.class, TimelineCommand.class, VerifyCommand.class,
                TailCommand.class, RebuildCommand.class, DlqCommand.class, CheckpointCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nSettings and exit codes:%n",
        footer = {
                "Each URL comes from its option, else its environment variable (RL_INGEST_URL, RL_LEDGER_URL, "
                        + "RL_QUERY_URL, RL_KAFKA_BOOTSTRAP_SERVERS), else the config file, else localhost.",
                "The token comes from RL_TOKEN or token= in ~/.config/rl/config (or $RL_CONFIG) and is sent as "
                        + "'Authorization: Bearer'.",
                "Exit codes: 0 ok; 1 rows rejected or invalid, or a chain broken; 2 wrong use or a malformed value; "
                        + "3 a service or Kafka unreachable or failing; 4 not found; 5 incomplete, run again to resume; "
                        + "6 a token is needed or lacks the role."})
public final class Rl {

    @Option(names = "--ingest-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "ingest-service (env RL_INGEST_URL; default http://localhost:8081)")
    String ingestUrl;

    @Option(names = "--ledger-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "ledger-service (env RL_LEDGER_URL; default http://localhost:8082)")
    String ledgerUrl;

    @Option(names = "--query-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "query-service (env RL_QUERY_URL; default http://localhost:8083)")
    String queryUrl;

    @Option(names = "--kafka", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers, for verify (env RL_KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)")
    String kafka;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "config file (default: $RL_CONFIG, else ~/.config/rl/config)")
    Path config;

    private Settings settings;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the exit code is returned, not exited with (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Rl());
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliException failure) {
                cmd.getErr().println("rl: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return line.execute(args);
    }

    public Settings settings() {
        if (settings == null) {
            settings = Settings.of(config);
        }
        return settings;
    }

    public Service ingest() {
        return new Service("ingest", settings().get(Settings.Key.INGEST_URL, ingestUrl),
                "--ingest-url or RL_INGEST_URL", settings().token());
    }

    public Service ledger() {
        return new Service("ledger", settings().get(Settings.Key.LEDGER_URL, ledgerUrl),
                "--ledger-url or RL_LEDGER_URL", settings().token());
    }

    public Service query() {
        return new Service("query", settings().get(Settings.Key.QUERY_URL, queryUrl),
                "--query-url or RL_QUERY_URL", settings().token());
    }

    public String kafkaBootstrapServers() {
        return settings().get(Settings.Key.KAFKA_BOOTSTRAP_SERVERS, kafka);
    }

    /** The version of the jar (from its manifest), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rl.class.getPackage().getImplementationVersion();
            return new String[] {"rl " + (version == null ? "(development build)" : version)};
        }
    }
}
