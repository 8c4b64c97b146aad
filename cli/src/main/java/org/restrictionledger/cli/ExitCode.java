package org.restrictionledger.cli;

/**
 * The exit codes of {@code rl}, the same for every command (README, "CLI"), so scripts can tell "the data has a
 * problem" from "the service could not be reached" from "run it again".
 */
public final class ExitCode {

    /** Everything done; every row accepted; every chain valid. */
    public static final int OK = 0;
    /** Done, and the answer is bad news about the data: rows rejected or invalid, a chain broken. */
    public static final int FINDINGS = 1;
    /** Wrong use: unknown option, missing argument, a value the command or the server refused as malformed. */
    public static final int USAGE = 2;
    /** A service or Kafka could not be reached, or answered with a server error. */
    public static final int UNAVAILABLE = 3;
    /** What was asked for does not exist: unknown country or platform, an endpoint this server does not have. */
    public static final int NOT_FOUND = 4;
    /** Not finished: submissions still pending or not taken; run the same command again to resume. */
    public static final int INCOMPLETE = 5;
    /** The server wants a (different) token: 401 or 403. */
    public static final int UNAUTHORISED = 6;

    private ExitCode() {
    }
}
