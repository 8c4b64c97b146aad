package org.restrictionledger.support.problem;

/** Thrown anywhere in request handling to answer with this problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(Problem.invalid("Invalid request", java.util.List.of(new FieldError(field, reason))));
    }
}
