package org.restrictionledger.support.problem;

/** Thrown anywhere in request handling to answer with this problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** A problem worth retrying: the response carries {@code Retry-After}. */
    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(Problem.invalid("Invalid request", java.util.List.of(new FieldError(field, reason))));
    }
}
