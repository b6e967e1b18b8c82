package io.camelprogress.examples.upload;

/** A user cancelled the job; the stage it was in stops between two chunks. */
public class JobCancelledException extends RuntimeException {

    private final String stage;

    public JobCancelledException(String jobId, String stage) {
        super("Job " + jobId + " was cancelled during " + stage);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
