package org.restrictionledger.ingest.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.restrictionledger.events.Submitter;
import org.restrictionledger.events.command.LedgerCommand;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.ingest.messaging.CommandPublisher;
import org.restrictionledger.ingest.store.Submission;
import org.restrictionledger.ingest.store.SubmissionStore;
import org.restrictionledger.support.problem.FieldError;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Takes reports in: normalises them, hands their commands to Kafka and records them as PENDING. A command is published
 * before it is recorded, so that a 202 always means "on the broker"; an Idempotency-Key is claimed before publishing,
 * so that two requests with one key publish one command id (the ledger decides each command id once).
 */
@ApplicationScoped
public class Submissions {

    private static final Logger LOG = Logger.getLogger(Submissions.class);

    private final CommandPublisher publisher;
    private final SubmissionStore store;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();

    Submissions(CommandPublisher publisher, SubmissionStore store, MeterRegistry registry) {
        this.publisher = publisher;
        this.store = store;
        this.registry = registry;
    }

    /** Metric {@code ingest.reports{result}}: submitted, replayed (Idempotency-Key), invalid, unavailable. */
    private void count(String result, int n) {
        if (n > 0) {
            registry.counter("ingest.reports", "result", result).increment(n);
        }
    }

    /** What became of one report. */
    public record Submitted(UUID submissionId, String stream, String type, Instant receivedAt, boolean replayed) {
    }

    /** One item of a batch: submitted, or invalid with its field errors, or not taken by the broker. */
    public record Item(Submitted submitted, List<FieldError> errors, boolean unavailable) {
    }

    /**
     * @throws ProblemException 400 with every field error; 422 when the key was used for another report; 503 when
     *                          the broker did not take the command
     */
    public Submitted submit(ReportRequest report, String idempotencyKey, Submitter submitter) {
        UUID id = UUID.randomUUID();
        Instant receivedAt = now();
        ReportNormaliser.Result result = ReportNormaliser.normalise(report, id, receivedAt, submitter);
        if (!result.valid()) {
            count("invalid", 1);
            throw new ProblemException(Problem.invalid("Invalid report", result.errors()));
        }
        LedgerCommand command = result.command();
        SubmissionStore.Pending pending = new SubmissionStore.Pending(id, command.stream().toString(), report.type(),
                receivedAt, subject(submitter));
        if (idempotencyKey == null) {
            publishOrFail(command);
            store.pending(List.of(pending));
            count("submitted", 1);
            return new Submitted(id, pending.streamId(), report.type(), receivedAt, false);
        }

        String requestHash = sha256(Json.write(report));
        String commandJson = Json.write(command);
        String key = scopedKey(idempotencyKey, submitter);
        if (store.claim(key, requestHash, pending, commandJson)) {
            publishOrFail(command);
            store.published(id);
            count("submitted", 1);
            return new Submitted(id, pending.streamId(), report.type(), receivedAt, false);
        }
        Submission earlier = store.byKey(key).orElseThrow();
        if (!requestHash.equals(earlier.requestHash)) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "Idempotency-Key '" + idempotencyKey + "' was used for a different report (submission "
                            + earlier.id + "); use a new key for a new report"));
        }
        if (earlier.status == Submission.Status.PENDING || earlier.status == Submission.Status.EXPIRED) {
            // The first attempt may have died before the broker took the command: publish the same command id again.
            publishOrFail(Json.read(earlier.command, LedgerCommand.class));
            store.published(earlier.id);
        }
        count("replayed", 1);
        return new Submitted(earlier.id, earlier.streamId, earlier.reportType, earlier.receivedAt, true);
    }

    /** A batch: every valid report is submitted, every invalid one answered with its errors; none sinks another. */
    public List<Item> submitAll(List<Parsed> reports, Submitter submitter) {
        Instant receivedAt = now();
        List<Item> items = new ArrayList<>(reports.size());
        List<LedgerCommand> commands = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Parsed parsed : reports) {
            if (!parsed.errors().isEmpty()) {
                items.add(new Item(null, parsed.errors(), false));
                continue;
            }
            ReportNormaliser.Result result = ReportNormaliser.normalise(parsed.report(), UUID.randomUUID(), receivedAt,
                    submitter);
            if (!result.valid()) {
                items.add(new Item(null, result.errors(), false));
                continue;
            }
            positions.add(items.size());
            commands.add(result.command());
            items.add(null);
        }
        List<Boolean> published = publisher.publishAll(commands);
        List<SubmissionStore.Pending> pending = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            LedgerCommand command = commands.get(i);
            String type = reports.get(positions.get(i)).report().type();
            if (published.get(i)) {
                pending.add(new SubmissionStore.Pending(command.commandId(), command.stream().toString(), type, receivedAt,
                        subject(submitter)));
                items.set(positions.get(i), new Item(new Submitted(command.commandId(), command.stream().toString(),
                        type, receivedAt, false), List.of(), false));
            } else {
                items.set(positions.get(i), new Item(null, List.of(), true));
            }
        }
        store.pending(pending);
        count("submitted", pending.size());
        count("unavailable", commands.size() - pending.size());
        count("invalid", reports.size() - commands.size());
        LOG.infof("batch of %d reports: %d submitted", reports.size(), pending.size());
        return items;
    }

    /** A batch item as read from the request: a report, or why it could not be read. */
    public record Parsed(ReportRequest report, List<FieldError> errors) {
        public static Parsed of(ReportRequest report) {
            return new Parsed(report, List.of());
        }

        public static Parsed unreadable(String reason) {
            return new Parsed(null, List.of(new FieldError("body", reason)));
        }
    }

    private void publishOrFail(LedgerCommand command) {
        try {
            publisher.publish(command);
        } catch (RuntimeException e) {
            count("unavailable", 1);
            LOG.errorf(e, "could not publish submission %s for %s", command.commandId(), command.stream());
            throw new ProblemException(Problem.of(503, "unavailable", "Ledger unavailable",
                    "The report could not be handed to the ledger. Retry later (with the same Idempotency-Key, if "
                            + "you sent one)."));
        }
    }

    /**
     * Idempotency-Keys are the submitter's own: two reporters who happen to pick the same key never meet (a key has no
     * spaces, so "subject key" cannot collide with another subject's key).
     */
    static String scopedKey(String idempotencyKey, Submitter submitter) {
        return submitter == null ? idempotencyKey : submitter.subject() + " " + idempotencyKey;
    }

    private static String subject(Submitter submitter) {
        return submitter == null ? null : submitter.subject();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
