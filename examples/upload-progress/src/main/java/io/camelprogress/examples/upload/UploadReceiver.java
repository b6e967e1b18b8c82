package io.camelprogress.examples.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelprogress.component.ProgressConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Stores an uploaded file for the processing route: streamed to {@code incoming/}, then moved into
 * {@code inbox/} in one rename so that the file poller never sees half a file. The body becomes the
 * job's first event: {@code progress} at stage {@code queued}, or {@code error} when the file is
 * larger than {@code maxBytes} (nothing of it is kept then).
 */
public class UploadReceiver {

    private Jobs jobs;
    private Path directory;
    private long maxBytes = 100L << 20;

    public void setJobs(Jobs jobs) {
        this.jobs = jobs;
    }

    public void setDirectory(String directory) {
        this.directory = Path.of(directory);
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void receive(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String name = safeName(message.getHeader("name", String.class));
        Job job = jobs.open(name);
        Path incoming = Files.createDirectories(directory.resolve("incoming")).resolve(job.id() + ".part");
        long size;
        try (InputStream in = message.getBody(InputStream.class); OutputStream out = Files.newOutputStream(incoming)) {
            size = copyAtMost(in, out, maxBytes);
        }
        job.size(size);
        message.setHeader(ProgressConstants.STREAM_ID, job.id());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("stream", "uploads/" + job.id());
        if (size > maxBytes) {
            Files.delete(incoming);
            jobs.finish(job.id());
            message.setHeader(ProgressConstants.EVENT, "error");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 413);
            event.put("stage", "upload");
            event.put("message", name + " is " + Sizes.text(size) + ", more than the " + Sizes.text(maxBytes) + " this server takes");
        } else {
            Files.move(incoming, Files.createDirectories(directory.resolve("inbox")).resolve(job.id()), StandardCopyOption.ATOMIC_MOVE);
            message.setHeader(ProgressConstants.EVENT, "progress");
            event.put("stage", "queued");
            event.put("percent", 0);
            event.put("current", 0);
            event.put("total", size);
        }
        event.put("file", name);
        message.setBody(event);
    }

    /**
     * Copies the body, keeping at most {@code max} bytes; a larger body is read to its end (so that the
     * browser gets the answer rather than a reset connection) and its size counted.
     */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            if (total + n <= max) {
                out.write(buffer, 0, n);
            }
            total += n;
        }
        return total;
    }

    /** The file name as the page shows it: the last path segment, printable, at most 100 characters. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = last.replaceAll("[\\p{Cntrl}\"<>]", "_").strip();
        return printable.isEmpty() ? "upload" : printable.substring(0, Math.min(100, printable.length()));
    }
}
