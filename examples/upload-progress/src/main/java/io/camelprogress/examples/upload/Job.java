package io.camelprogress.examples.upload;

/** One uploaded file on its way through the stages; what the stages found is kept here for the summary. */
public final class Job {

    private final String id;
    private final String fileName;
    private final long startNanos = System.nanoTime();
    private volatile boolean cancelled;
    private volatile long size;
    private volatile String sha256;
    private volatile long lines;
    private volatile long gzipBytes;

    Job(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    /** Seconds since the upload arrived. */
    public double seconds() {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    /** Throws when a user cancelled the job; the stages call it between chunks. */
    void checkNotCancelled(String stage) {
        if (cancelled) {
            throw new JobCancelledException(id, stage);
        }
    }

    public long size() {
        return size;
    }

    void size(long size) {
        this.size = size;
    }

    public String sha256() {
        return sha256;
    }

    void sha256(String sha256) {
        this.sha256 = sha256;
    }

    public long lines() {
        return lines;
    }

    void lines(long lines) {
        this.lines = lines;
    }

    public long gzipBytes() {
        return gzipBytes;
    }

    void gzipBytes(long gzipBytes) {
        this.gzipBytes = gzipBytes;
    }
}
