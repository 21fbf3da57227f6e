package io.jruns.cli;

/** The command line itself is wrong (exit code 2), as opposed to the work failing (exit code 1). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
