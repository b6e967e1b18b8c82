package io.camelprogress.examples.upload;

/** An upload while {@code maxJobs} jobs are still running. */
public class TooManyJobsException extends RuntimeException {

    public TooManyJobsException(int maxJobs) {
        super(maxJobs + " jobs are running, the most this server takes at once; upload again when one has finished");
    }
}
