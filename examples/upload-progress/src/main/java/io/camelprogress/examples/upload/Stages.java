package io.camelprogress.examples.upload;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The work on an uploaded file, in three stages that each read it once: SHA-256 checksum, line count,
 * gzip. Each stage reports its progress through {@code progress:uploads?payload=progress} as it reads
 * (percent of the whole job from the bytes read) and stops between chunks when the job is cancelled.
 * {@code bytesPerSecond} bounds how fast a stage reads, so that a demo shows its stages; 0 for no bound.
 */
public class Stages {

    /** The stages in order, as the page names them. */
    public static final List<String> NAMES = List.of("checksum", "lines", "compress");

    private static final String PROGRESS = "progress:uploads?payload=progress";
    private static final int CHUNK = 64 * 1024;
    private static final long REPORT_EVERY_NANOS = 50_000_000;

    private Jobs jobs;
    private volatile long bytesPerSecond;
    private volatile ProducerTemplate template;

    public void setJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    public void setBytesPerSecond(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    public void checksum(Exchange exchange) throws IOException {
        MessageDigest sha = sha256();
        Job job = job(exchange);
        if (job.size() == 0) {
            throw new IllegalArgumentException("The file is empty: there is nothing to process");
        }
        read(exchange, job, "checksum", sha::update);
        job.sha256(HexFormat.of().formatHex(sha.digest()));
    }

    public void lines(Exchange exchange) throws IOException {
        Job job = job(exchange);
        long[] lines = { 0 };
        boolean[] endsWithNewline = { true };
        read(exchange, job, "lines", (bytes, offset, length) -> {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines[0]++;
                }
            }
            endsWithNewline[0] = bytes[offset + length - 1] == '\n';
        });
        job.lines(lines[0] + (endsWithNewline[0] ? 0 : 1));
    }

    public void compress(Exchange exchange) throws IOException {
        Job job = job(exchange);
        CountingSink sink = new CountingSink();
        try (GZIPOutputStream gzip = new GZIPOutputStream(sink, CHUNK)) {
            read(exchange, job, "compress", gzip::write);
        }
        job.gzipBytes(sink.count);
    }

    /** The data of the {@code done} event: what the stages found. */
    public Map<String, Object> summary(Exchange exchange) {
        Job job = job(exchange);
        Map<String, Object> done = event(job, "done");
        done.put("percent", 100);
        done.put("bytes", job.size());
        done.put("sha256", job.sha256());
        done.put("lines", job.lines());
        done.put("gzipBytes", job.gzipBytes());
        done.put("seconds", job.seconds());
        return done;
    }

    /** The data of the {@code cancelled} event: where the job stopped. */
    public Map<String, Object> cancelled(Exchange exchange) {
        Job job = job(exchange);
        JobCancelledException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, JobCancelledException.class);
        Map<String, Object> cancelled = event(job, cause == null ? "queued" : cause.stage());
        cancelled.put("message", "Cancelled");
        return cancelled;
    }

    /** The data of the {@code error} event: what went wrong, for people. */
    public Map<String, Object> failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String id = exchange.getMessage().getHeader(ProgressConstants.STREAM_ID, String.class);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("stream", "uploads/" + id);
        error.put("file", jobs.active().contains(id) ? jobs.get(id).fileName() : null);
        error.put("message", cause == null || cause.getMessage() == null ? "The job failed" : cause.getMessage());
        return error;
    }

    public void finish(Exchange exchange) {
        jobs.finish(exchange.getMessage().getHeader(ProgressConstants.STREAM_ID, String.class));
    }

    private static Map<String, Object> event(Job job, String stage) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("stream", "uploads/" + job.id());
        event.put("stage", stage);
        event.put("file", job.fileName());
        return event;
    }

    private Job job(Exchange exchange) {
        return jobs.get(exchange.getMessage().getHeader(ProgressConstants.STREAM_ID, String.class));
    }

    private interface ChunkConsumer {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Reads the file once through {@code consumer}, reporting progress and pacing to {@code bytesPerSecond}. */
    private void read(Exchange exchange, Job job, String stage, ChunkConsumer consumer) throws IOException {
        int index = NAMES.indexOf(stage);
        long size = job.size();
        job.checkNotCancelled(stage);
        report(exchange, job, stage, index, 0);
        long start = System.nanoTime();
        long lastReport = start;
        int lastPercent = -1;
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        try (InputStream in = Files.newInputStream(exchange.getMessage().getBody(File.class).toPath())) {
            for (int n; (n = in.read(buffer)) > 0;) {
                consumer.accept(buffer, 0, n);
                done += n;
                job.checkNotCancelled(stage);
                pace(start, done);
                long now = System.nanoTime();
                int percent = percent(index, done, size);
                if (percent > lastPercent && now - lastReport >= REPORT_EVERY_NANOS) {
                    report(exchange, job, stage, index, done);
                    lastReport = now;
                    lastPercent = percent;
                }
            }
        }
        report(exchange, job, stage, index, size);
    }

    private void pace(long start, long done) {
        long rate = bytesPerSecond;
        if (rate <= 0) {
            return;
        }
        // a pause that keeps the stage at its rate, not a wait for something to happen
        long ahead = done * 1_000_000_000L / rate - (System.nanoTime() - start);
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobCancelledException("(interrupted)", "shutdown");
            }
        }
    }

    /** The job's percent: each stage is a third of it. */
    private static int percent(int stageIndex, long done, long size) {
        double stage = size == 0 ? 1 : (double) done / size;
        return (int) Math.floor((stageIndex + stage) * 100 / NAMES.size());
    }

    private void report(Exchange exchange, Job job, String stage, int index, long done) {
        ProducerTemplate producer = template;
        if (producer == null) {
            producer = exchange.getContext().createProducerTemplate();
            template = producer;
        }
        Exchange sent = producer.send(PROGRESS, e -> {
            var message = e.getMessage();
            message.setHeader(ProgressConstants.STREAM_ID, job.id());
            message.setHeader(ProgressConstants.STAGE, stage);
            message.setHeader(ProgressConstants.PERCENT, percent(index, done, job.size()));
            message.setHeader(ProgressConstants.CURRENT, done);
            message.setHeader(ProgressConstants.TOTAL, job.size());
            message.setHeader(ProgressConstants.MESSAGE, job.fileName());
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("Could not report the progress of " + job.id(), sent.getException());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the gzip stream goes: only its length is kept. */
    private static final class CountingSink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
