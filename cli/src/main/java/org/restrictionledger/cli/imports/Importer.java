package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.restrictionledger.cli.CliException;
import org.restrictionledger.cli.ExitCode;
import org.restrictionledger.cli.http.Response;
import org.restrictionledger.cli.http.Service;
import org.restrictionledger.cli.imports.RowResult.Outcome;
import org.restrictionledger.events.json.Json;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports a file through ingest, resumably.
 * <p>
 * Why one request per row and not {@code POST /api/v1/reports/batch}: the batch endpoint takes no Idempotency-Key
 * (neither per batch nor per item) and mints a new command id for every item, so a batch sent again after an
 * interruption records every fact again (a second fine, a second change). {@code POST /api/v1/reports} takes an
 * {@code Idempotency-Key} and answers a repeated key with the submission it already has, even when the first attempt
 * died before the broker took the command. So each row goes alone, under its deterministic key
 * ({@link IdempotencyKeys}), up to {@code concurrency} at once across streams and in file order within a stream
 * ({@link Lanes}). Ingest is not what limits an import: the ledger decides commands more slowly than ingest takes
 * them one by one.
 * <p>
 * Phases: count the rows; submit them (progress bar); follow every submission to the ledger's decision (second bar);
 * write the rows to fix beside the input.
 */
public final class Importer {

    /**
     * @param concurrency requests in flight at once
     * @param follow      how long to follow submissions to their decisions (zero: do not follow)
     * @param rejects     where to write the rows to fix (null: beside the input)
     */
    public record Options(int concurrency, Duration follow, Progress.Mode progress, Path rejects) {
    }

    private static final int ATTEMPTS = 4;

    private final Service ingest;
    private final Options options;
    private final PrintWriter err;

    public Importer(Service ingest, Options options, PrintWriter err) {
        this.ingest = ingest;
        this.options = options;
        this.err = err;
    }

    public Summary run(Path file, ReportFormat format) {
        int total = count(file, format);
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread thread = new Thread(r, "rl-import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ConcurrentSkipListMap<Integer, RowResult> results = submit(file, format, total, pool);
            follow(results, pool);
            List<RowResult> rows = new ArrayList<>(results.values());
            Path rejects = writeRejects(file, format, rows);
            return new Summary(file, format, rows, rejects);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(Path file, ReportFormat format) {
        int rows = 0;
        try (RowReader reader = RowReader.open(file, format)) {
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        }
        if (rows == 0) {
            throw new CliException(ExitCode.USAGE, file + " has no rows to import");
        }
        return rows;
    }

    private ConcurrentSkipListMap<Integer, RowResult> submit(Path file, ReportFormat format, int total,
                                                             ExecutorService pool) {
        ConcurrentSkipListMap<Integer, RowResult> results = new ConcurrentSkipListMap<>();
        AtomicReference<CliException> fatal = new AtomicReference<>();
        Semaphore window = new Semaphore(options.concurrency() * 64);
        Map<String, CompletableFuture<Void>> lanes = new HashMap<>();
        IdempotencyKeys keys = new IdempotencyKeys();
        Progress progress = Progress.start("submitting", "rows", total, options.progress(), err);
        try (RowReader reader = RowReader.open(file, format)) {
            while (reader.hasNext() && fatal.get() == null) {
                Row row = reader.next();
                if (row.report() == null) {
                    results.put(row.number(), RowResult.invalid(row.number(), row.unreadable()));
                    progress.advance(1);
                    continue;
                }
                String key = keys.next(row.report());
                acquire(window);
                String lane = Lanes.of(row.report());
                CompletableFuture<Void> previous = lanes.getOrDefault(lane, CompletableFuture.completedFuture(null));
                lanes.put(lane, previous.thenRunAsync(() -> {
                    try {
                        if (fatal.get() == null) {
                            results.put(row.number(), submitRow(row, key));
                        }
                    } catch (CliException e) {
                        fatal.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        fatal.compareAndSet(null, new CliException(ExitCode.UNAVAILABLE, "row " + row.number() + ": " + e));
                    } finally {
                        window.release();
                        progress.advance(1);
                    }
                }, pool));
            }
            CompletableFuture.allOf(lanes.values().toArray(CompletableFuture[]::new)).join();
        } finally {
            progress.finish();
        }
        if (fatal.get() != null) {
            long sent = results.values().stream().filter(r -> r.submissionId() != null).count();
            throw new CliException(fatal.get().exitCode(), fatal.get().getMessage() + "\n" + sent + " of " + total
                    + " rows were submitted before that. Run the same command again to resume: their "
                    + "Idempotency-Keys make sure nothing is recorded twice.");
        }
        return results;
    }

    /** One row to {@code POST /api/v1/reports} under its key; 503 and other server errors are retried with backoff. */
    private RowResult submitRow(Row row, String key) {
        String body = Json.write(row.report());
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Response response = ingest.post("/api/v1/reports", "application/json", body, Map.of("Idempotency-Key", key));
            int status = response.status();
            if (response.ok()) {
                JsonNode submission = response.json();
                return RowResult.pending(row.number(), submission.path("stream").asText(null),
                        UUID.fromString(submission.path("submissionId").asText()), response.replayed().isPresent());
            }
            if (status == 400 || status == 413 || status == 422) {
                JsonNode errors = response.json().path("errors");
                return RowResult.invalid(row.number(), errors.isEmpty() ? response.problem() : Response.fieldErrors(errors));
            }
            if (status == 401 || status == 403 || status == 404) {
                throw ingest.failure(response, "POST /api/v1/reports (row " + row.number() + ")");
            }
            last = "ingest answered " + status + ": " + response.problem();
            if (attempt < ATTEMPTS) {
                pause(Duration.ofSeconds(1L << (attempt - 1)));
            }
        }
        return RowResult.unavailable(row.number(), last);
    }

    /** Polls every undecided submission until it is decided or {@code follow} has passed. */
    private void follow(ConcurrentSkipListMap<Integer, RowResult> results, ExecutorService pool) {
        List<RowResult> pending = results.values().stream().filter(r -> r.outcome() == Outcome.PENDING).toList();
        if (pending.isEmpty() || options.follow().isZero()) {
            return;
        }
        Progress progress = Progress.start("deciding", "rows", pending.size(), options.progress(), err);
        long deadline = System.nanoTime() + options.follow().toNanos();
        Duration pause = Duration.ofMillis(200);
        try {
            while (!pending.isEmpty()) {
                List<CompletableFuture<RowResult>> polls = pending.stream()
                        .map(r -> CompletableFuture.supplyAsync(() -> poll(r), pool)).toList();
                List<RowResult> still = new ArrayList<>();
                for (CompletableFuture<RowResult> poll : polls) {
                    RowResult result = poll.join();
                    results.put(result.row(), result);
                    if (result.outcome() == Outcome.PENDING) {
                        still.add(result);
                    } else {
                        progress.advance(1);
                    }
                }
                pending = still;
                if (pending.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
            }
        } catch (java.util.concurrent.CompletionException e) {
            String why = e.getCause() instanceof CliException c ? c.getMessage() : String.valueOf(e.getCause());
            err.println("rl: stopped following the submissions: " + why);
        } finally {
            progress.finish();
        }
    }

    private RowResult poll(RowResult row) {
        Response response = ingest.get("/api/v1/submissions/" + row.submissionId());
        if (!response.ok()) {
            if (response.status() == 404 || response.status() >= 500) {
                return row;
            }
            throw ingest.failure(response, "GET /api/v1/submissions/" + row.submissionId());
        }
        JsonNode submission = response.json();
        return switch (submission.path("status").asText()) {
            case "ACCEPTED" -> row.decided(Outcome.ACCEPTED, null,
                    submission.hasNonNull("streamVersion") ? submission.get("streamVersion").asLong() : null);
            case "REJECTED" -> row.decided(Outcome.REJECTED, submission.path("reason").asText(null), null);
            // the command never reached the broker; the same Idempotency-Key sent again revives it
            case "EXPIRED" -> row.decided(Outcome.UNAVAILABLE, "expired before ingest could hand it to the ledger", null);
            default -> row;
        };
    }

    private Path writeRejects(Path file, ReportFormat format, List<RowResult> rows) {
        Map<Integer, String> reasons = new HashMap<>();
        rows.stream().filter(r -> r.outcome() == Outcome.REJECTED || r.outcome() == Outcome.INVALID)
                .forEach(r -> reasons.put(r.row(), r.reason()));
        if (reasons.isEmpty()) {
            return null;
        }
        Path target = options.rejects() != null ? options.rejects() : RejectsFile.nameFor(file, format);
        RejectsFile.write(file, format, reasons, target);
        return target;
    }

    private static void acquire(Semaphore window) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INCOMPLETE, "interrupted; run the same command again to resume");
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INCOMPLETE, "interrupted; run the same command again to resume");
        }
    }
}
