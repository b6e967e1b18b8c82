package io.camelprogress.hub;

/** A bound of the hub (DESIGN §7) stopped an event or a connection; the message names the bound. */
public class ProgressLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProgressLimitExceededException(String message) {
        super(message);
    }
}
