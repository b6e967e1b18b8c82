package io.camelprogress.backplane.kafka;

/** The backplane could not accept an event: the broker did not acknowledge it in time. Nothing was published. */
public class ProgressBackplaneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProgressBackplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
