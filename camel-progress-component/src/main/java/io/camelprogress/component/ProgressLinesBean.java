package io.camelprogress.component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Bean {@code progressLines}: counts the lines of a file before a streaming splitter reads it, so
 * that {@code payload=progress} has a total: a streaming splitter knows its size at the last line
 * only. In a route: {@code setHeader CamelProgressTotal} to {@code method(ProgressLinesBean.NAME, "count")}
 * (in YAML and XML a {@code method} expression with {@code beanType} of this class, which needs
 * no registry), then {@code split} the body by line with {@code streaming}. It reads the file once more, in 64 KB
 * chunks, holding none of it; a line is what a split on {@code "\n"} gives (a last line without a
 * line break counts).
 */
public final class ProgressLinesBean {

    /** The name it is bound under. */
    public static final String NAME = "progressLines";

    /** A counter; it holds nothing, so YAML and XML routes may name it by {@code beanType}. */
    public ProgressLinesBean() {
    }

    /**
     * The lines of the exchange's body: a file (as the file component gives it), a path, text,
     * bytes or a cached stream. A stream that reads once is refused, as counting it would leave
     * nothing to split.
     */
    public long count(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof StreamCache cache) {
            // Camel caches stream bodies: the cache is read again from its start, by us and then by the splitter
            LineBreaks breaks = new LineBreaks();
            cache.reset();
            cache.writeTo(breaks);
            cache.reset();
            return breaks.lines();
        }
        if (!(body instanceof WrappedFile || body instanceof File || body instanceof Path
              || body instanceof CharSequence || body instanceof byte[])) {
            throw new IllegalArgumentException("progressLines counts the lines of a file, a path, text, bytes or a cached stream, not of a "
                                               + (body == null ? "null body" : body.getClass().getName()));
        }
        try (InputStream in = exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, body)) {
            return count(in);
        } catch (NoTypeConversionAvailableException e) {
            throw new IllegalArgumentException("progressLines cannot read " + body.getClass().getName(), e);
        }
    }

    static long count(InputStream in) throws IOException {
        LineBreaks breaks = new LineBreaks();
        in.transferTo(breaks);
        return breaks.lines();
    }

    /** Counts line breaks of what is written to it, keeping none of it. */
    private static final class LineBreaks extends OutputStream {
        private long breaks;
        private int last = '\n';

        @Override
        public void write(int b) {
            if (b == '\n') {
                breaks++;
            }
            last = b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    breaks++;
                }
            }
            if (len > 0) {
                last = b[off + len - 1];
            }
        }

        long lines() {
            return last == '\n' ? breaks : breaks + 1;
        }
    }
}
