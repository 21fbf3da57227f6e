package io.jruns.kernel.maven;

/** Dependencies could not be resolved; the message is one line saying which and why. */
public class ResolutionFailure extends RuntimeException {
    public ResolutionFailure(String message) {
        super(message);
    }

    public ResolutionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
