package org.restrictionledger.cli.imports;

import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.Rl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code rl import FILE}. */
@Command(name = "import", description = {
        "Submits every row of FILE (CSV with a header row, NDJSON, or a JSON array) to ingest, follows each to the "
                + "ledger's decision, and prints a summary. Rejected and invalid rows are written beside FILE "
                + "(FILE.rejected.EXT, reason in rl_error) to fix and import again.",
        "Resumable: each row has a deterministic Idempotency-Key, so running the same import again records nothing "
                + "twice and picks up where it stopped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row accepted", "1:some rows rejected or invalid", "2:unreadable file or bad option",
                "3:ingest unreachable", "5:rows still pending or not taken: run again", "6:token needed"})
public final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Rl rl;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the reports: .csv, .ndjson/.jsonl, or .json")
    Path file;

    @Option(names = "--format", description = "csv, ndjson or json (default: from the extension, else the content)")
    ReportFormat format;

    @Option(names = "--concurrency", defaultValue = "8", description = "requests in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--wait", defaultValue = "600", paramLabel = "SECONDS",
            description = "how long to follow submissions to their decisions; 0 does not follow (default ${DEFAULT-VALUE})")
    long waitSeconds;

    @Option(names = "--progress", defaultValue = "AUTO",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines or none (default ${DEFAULT-VALUE})")
    Progress.Mode progress;

    @Option(names = "--rejects", paramLabel = "FILE", description = "where to write the rows to fix (default FILE.rejected.EXT)")
    Path rejects;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.USAGE, file + ": no such file");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new CliException(ExitCode.USAGE, "--concurrency must be between 1 and 64, was " + concurrency);
        }
        if (waitSeconds < 0) {
            throw new CliException(ExitCode.USAGE, "--wait must be 0 or more seconds, was " + waitSeconds);
        }
        ReportFormat actual = format != null ? format : ReportFormat.detect(file);
        Importer importer = new Importer(rl.ingest(),
                new Importer.Options(concurrency, Duration.ofSeconds(waitSeconds), progress, rejects),
                spec.commandLine().getErr());
        Summary summary = importer.run(file, actual);
        spec.commandLine().getOut().print(summary.render());
        spec.commandLine().getOut().flush();
        return summary.exitCode();
    }
}
