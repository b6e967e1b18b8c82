package io.camelprogress.backplane.kafka;

/**
 * The backplane could not store an event: the broker did not acknowledge it, or an earlier event of
 * its stream, handed on before its acknowledgement, was not stored. The message names the stream and
 * the topic.
 */
public class ProgressBackplaneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProgressBackplaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
