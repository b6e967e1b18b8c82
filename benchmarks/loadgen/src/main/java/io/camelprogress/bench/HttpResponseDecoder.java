package io.camelprogress.bench;

/**
 * Decodes HTTP/1.1 responses straight from socket bytes: status line, headers, then a chunked,
 * {@code Content-Length} or read-until-close body handed on as it arrives. After a response with a
 * known end the next one on the same connection is decoded (long-poll keeps its connection), and
 * after a {@code 101} the rest of the connection is handed on as body (the WebSocket frames).
 *
 * <p>The load generator speaks raw TCP for subscriptions because a full HTTP client costs several
 * objects per chunk, and servers write one chunk per event: at hundreds of thousands of events per
 * second the client, not the server, would be measured. Only what a server streaming SSE sends is
 * supported. One instance per connection; not thread-safe.
 */
final class HttpResponseDecoder {

    /** Receives the decoded response. */
    interface Listener {

        /** The header block ended; {@code status} is the response status code. */
        void onHead(int status);

        /** A header of the response being decoded, before {@link #onHead}. */
        default void onHeader(String name, String value) {
        }

        /** Bytes of the response body (chunk framing removed). */
        void onBody(byte[] bytes, int offset, int length);

        /** The response ended (its length was known); the next bytes start a new response. */
        default void onEnd() {
        }

        /** The response was malformed; the connection should be closed. */
        void onMalformed(String reason);
    }

    private enum State { STATUS_LINE, HEADER_LINE, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER, FIXED, IDENTITY, DONE }

    /** Header lines longer than this are a broken server, not a benchmark. */
    private static final int MAX_HEAD_LINE = 8 * 1024;

    private final Listener listener;
    private final StringBuilder line = new StringBuilder(64);
    private State state = State.STATUS_LINE;
    private int status;
    private boolean chunked;
    private long contentLength = -1;
    private long chunkRemaining;

    HttpResponseDecoder(Listener listener) {
        this.listener = listener;
    }

    /** Feeds bytes read from the socket. */
    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.DONE) {
            switch (state) {
                case STATUS_LINE, HEADER_LINE, CHUNK_SIZE, CHUNK_DATA_END, TRAILER -> i = readLine(bytes, i, end);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkRemaining, end - i);
                    listener.onBody(bytes, i, n);
                    i += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        state = State.CHUNK_DATA_END;
                    }
                }
                case FIXED -> {
                    int n = (int) Math.min(chunkRemaining, end - i);
                    listener.onBody(bytes, i, n);
                    i += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        responseEnded();
                    }
                }
                case IDENTITY -> {
                    listener.onBody(bytes, i, end - i);
                    i = end;
                }
                default -> i = end;
            }
        }
    }

    private int readLine(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lineComplete();
                line.setLength(0);
                return i + 1;
            }
            if (b != '\r') {
                if (line.length() >= MAX_HEAD_LINE) {
                    fail("line too long");
                    return end;
                }
                line.append((char) (b & 0xff));
            }
        }
        return end;
    }

    private void lineComplete() {
        switch (state) {
            case STATUS_LINE -> {
                String[] parts = line.toString().split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                    fail("bad status line");
                    return;
                }
                try {
                    status = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    fail("bad status code");
                    return;
                }
                state = State.HEADER_LINE;
            }
            case HEADER_LINE -> {
                if (line.length() == 0) {
                    headEnded();
                    return;
                }
                String header = line.toString();
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    return;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("transfer-encoding")
                        && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        fail("bad content length");
                        return;
                    }
                }
                listener.onHeader(name, value);
            }
            case CHUNK_SIZE -> {
                String size = line.toString();
                int semicolon = size.indexOf(';');
                try {
                    chunkRemaining = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    fail("bad chunk size");
                    return;
                }
                state = chunkRemaining == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE;
            case TRAILER -> {
                if (line.length() == 0) {
                    responseEnded();
                }
            }
            default -> {
            }
        }
    }

    private void headEnded() {
        boolean noBody = status == 204 || status == 304 || (status >= 100 && status < 200 && status != 101);
        if (status == 101) {
            state = State.IDENTITY;
        } else if (noBody || (!chunked && contentLength == 0)) {
            state = State.STATUS_LINE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            state = State.FIXED;
            chunkRemaining = contentLength;
        } else {
            state = State.IDENTITY;
        }
        listener.onHead(status);
        if (state == State.STATUS_LINE) {
            responseEnded();
        }
    }

    /** The response is complete: decode the next one on this connection. */
    private void responseEnded() {
        state = State.STATUS_LINE;
        chunked = false;
        contentLength = -1;
        status = 0;
        listener.onEnd();
    }

    private void fail(String reason) {
        state = State.DONE;
        listener.onMalformed(reason);
    }
}
