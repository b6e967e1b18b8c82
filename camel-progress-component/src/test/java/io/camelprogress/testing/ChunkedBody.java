package io.camelprogress.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of an HTTP/1.1 response read from a raw socket, its chunked framing taken off: a server
 * may cut chunks anywhere (a servlet container cuts at its buffer's size, through an SSE line), so a
 * test that reads lines must read them from the body, not from the wire.
 */
public final class ChunkedBody extends InputStream {

    private final InputStream in;
    private final boolean chunked;
    private long left;
    private boolean ended;

    /** Reads the status line and headers off {@code in}; what follows is the body. */
    public ChunkedBody(InputStream in) throws IOException {
        this.in = in;
        boolean isChunked = false;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase().replace(" ", "").equals("transfer-encoding:chunked")) {
                isChunked = true;
            }
        }
        this.chunked = isChunked;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!chunked) {
            return in.read(buffer, offset, length);
        }
        if (ended) {
            return -1;
        }
        if (left == 0) {
            String size = line(in);
            if (size.isEmpty()) {
                // the CRLF after the previous chunk's data
                size = line(in);
            }
            int extension = size.indexOf(';');
            left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (left == 0) {
                ended = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the connection ended within a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
