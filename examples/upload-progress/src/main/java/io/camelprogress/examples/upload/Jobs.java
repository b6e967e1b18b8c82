package io.camelprogress.examples.upload;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs that are uploaded and not finished yet, at most {@code maxJobs}: what a cancel finds, and
 * what the stages read and fill in. A job leaves when its last event is published.
 */
public class Jobs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Job> active = new ConcurrentHashMap<>();
    private int maxJobs = 20;

    public void setMaxJobs(int maxJobs) {
        this.maxJobs = maxJobs;
    }

    /**
     * A new job for a file.
     *
     * @throws TooManyJobsException when {@code maxJobs} are not finished yet
     */
    public Job open(String fileName) {
        if (active.size() >= maxJobs) {
            throw new TooManyJobsException(maxJobs);
        }
        String id = "j" + Long.toString(RANDOM.nextLong() >>> 1, 36);
        Job job = new Job(id, fileName);
        active.put(id, job);
        return job;
    }

    /** The job of a stream, or an exception naming it when it is not running. */
    public Job get(String id) {
        Job job = active.get(id);
        if (job == null) {
            throw new IllegalStateException("No job " + id + " is running");
        }
        return job;
    }

    /**
     * Asks a job to stop; its stage stops at the next chunk and publishes {@code cancelled}.
     *
     * @return whether the job was running
     */
    public boolean cancel(String id) {
        Job job = id == null ? null : active.get(id);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    public void finish(String id) {
        active.remove(id);
    }

    /** The ids of the jobs not finished yet. */
    public Set<String> active() {
        return Set.copyOf(active.keySet());
    }
}
