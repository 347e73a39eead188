package dev.gatehouse.cli;

/** A failure the user can act on: its message goes to stderr and the command exits with 1. */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message, null, false, false);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
