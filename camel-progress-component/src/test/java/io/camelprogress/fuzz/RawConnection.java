package io.camelprogress.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain TCP connection to the server under test, for bytes no well-behaved client would send. */
final class RawConnection implements AutoCloseable {

    /** How a read ended: bytes, the server closed, or nothing came in time. */
    enum Outcome { DATA, CLOSED, TIMEOUT }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private Outcome last = Outcome.DATA;

    RawConnection(int port) throws IOException {
        this(port, 0);
    }

    /** A connection that reads little: its receive buffer is small, as a stalled browser's fills up. */
    static RawConnection stalled(int port) throws IOException {
        return new RawConnection(port, 1024);
    }

    private RawConnection(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes a byte at a time with a pause between them, as a slow client does. */
    void writeSlowly(byte[] bytes, long pauseMillis) throws IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    /**
     * The status line of the answer (without CRLF), or null when the server closed or said nothing within
     * {@code timeoutMillis}; {@link #lastOutcome()} tells which.
     */
    String statusLine(int timeoutMillis) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            int b = readByte(deadline);
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).strip();
            }
            if (line.size() < 1024) {
                line.write(b);
            }
        }
    }

    /** Reads the header block (up to the empty line), or null when it did not come within the time. */
    String headerBlock(int timeoutMillis) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (head.size() < 64 * 1024) {
            int b = readByte(deadline);
            if (b < 0) {
                return null;
            }
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    Outcome lastOutcome() {
        return last;
    }

    /** One byte, or -1 when the server closed ({@link Outcome#CLOSED}) or the deadline passed ({@link Outcome#TIMEOUT}). */
    int readByte(long deadline) throws IOException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            last = Outcome.TIMEOUT;
            return -1;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        try {
            int b = in.read();
            last = b < 0 ? Outcome.CLOSED : Outcome.DATA;
            return b;
        } catch (SocketTimeoutException e) {
            last = Outcome.TIMEOUT;
            return -1;
        } catch (IOException e) {
            // a reset is the server closing too
            last = Outcome.CLOSED;
            return -1;
        }
    }

    /** Exactly {@code n} bytes, or null when the server closed or the deadline passed first. */
    byte[] readFully(int n, long deadline) throws IOException {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = readByte(deadline);
            if (b < 0) {
                return null;
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    /** Reads and drops what comes until the server closes; false when it is still open at the deadline. */
    boolean drainUntilClosed(long deadline) throws IOException {
        while (readByte(deadline) >= 0) {
            // the answer's content does not matter here, only that the connection ends
        }
        return last == Outcome.CLOSED;
    }

    /** Closes with a TCP reset instead of a FIN: the client vanished. */
    void abort() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
