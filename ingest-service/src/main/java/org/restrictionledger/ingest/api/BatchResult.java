package org.restrictionledger.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.restrictionledger.ingest.domain.Submissions;
import org.restrictionledger.support.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a batch: per item, in order, SUBMITTED (with its submission id; follow {@code location} for the
 * ledger's decision), INVALID (with its field errors) or UNAVAILABLE (the broker did not take it; submit it again).
 */
public record BatchResult(int received, int submitted, int invalid, int unavailable, List<ItemResult> items) {

    public enum Result {
        SUBMITTED, INVALID, UNAVAILABLE
    }

    /** @param index 0-based position in a JSON or NDJSON batch; null for CSV @param row CSV row, the header being 1 */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(Integer index, Integer row, Result result, UUID submissionId, String stream,
                             String location, List<FieldError> errors) {
    }

    static BatchResult of(List<Submissions.Item> items, boolean csvRows) {
        List<ItemResult> results = new ArrayList<>(items.size());
        int submitted = 0;
        int invalid = 0;
        int unavailable = 0;
        for (int i = 0; i < items.size(); i++) {
            Submissions.Item item = items.get(i);
            Integer index = csvRows ? null : i;
            Integer row = csvRows ? i + 2 : null;
            if (item.submitted() != null) {
                submitted++;
                results.add(new ItemResult(index, row, Result.SUBMITTED, item.submitted().submissionId(),
                        item.submitted().stream(), SubmissionResource.path(item.submitted().submissionId()), null));
            } else if (item.unavailable()) {
                unavailable++;
                results.add(new ItemResult(index, row, Result.UNAVAILABLE, null, null, null, null));
            } else {
                invalid++;
                results.add(new ItemResult(index, row, Result.INVALID, null, null, null, item.errors()));
            }
        }
        return new BatchResult(items.size(), submitted, invalid, unavailable, results);
    }
}
