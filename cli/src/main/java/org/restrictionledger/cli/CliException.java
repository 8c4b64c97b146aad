package org.restrictionledger.cli;

/** A failure the user should read: the message is printed as is (no stack trace), the code becomes the exit code. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
