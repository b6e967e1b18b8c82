package io.camelprogress.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.RawWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that sends its request head a byte at a time (each byte would reset an idle timeout) is
 * answered 408 and closed once requestHeadTimeout has passed, on the component's own server; a
 * connection past its head (a stream, a WebSocket) is not.
 */
@Timeout(60)
class RequestHeadTimeoutTest {

    private static final long TIMEOUT_MILLIS = 1000;
    private static final String HEAD = "GET /progress/up/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            + "X-Padding: " + "x".repeat(40) + "\r\n\r\n";
    private static ProgressServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ProgressServer(c -> c.setRequestHeadTimeout(TIMEOUT_MILLIS));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Writes the text one byte every 100 ms on a thread of its own, as a slowloris client does, until stopped or refused. */
    private static Thread trickle(OutputStream out, String text, AtomicBoolean stop) {
        Thread writer = new Thread(() -> {
            try {
                for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                    if (stop.get()) {
                        return;
                    }
                    out.write(b);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // refused: what the test waits for
            }
        }, "slowloris");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** Reads everything until the server closes, within the socket's read timeout. */
    private static String readToClose(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            read.write(buffer, 0, n);
        }
        return read.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aHeadSentAByteAtATimeGets408AndTheCloseWithinTheBound() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            trickle(socket.getOutputStream(), HEAD, stop);
            String answer = readToClose(socket.getInputStream());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            stop.set(true);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            // the whole head would take 10 s at this pace
            assertTrue(elapsed >= TIMEOUT_MILLIS - 50 && elapsed < TIMEOUT_MILLIS + 2000, "closed after " + elapsed + " ms");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedToo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            String answer = readToClose(socket.getInputStream());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(elapsed < TIMEOUT_MILLIS + 2000, "closed after " + elapsed + " ms");
        }
    }

    @Test
    void aSlowSecondRequestOnAKeptAliveConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /progress/_nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readHead(in);
            assertTrue(first.startsWith("HTTP/1.1 404 "), first);
            int length = Integer.parseInt(first.replaceAll("(?s).*[Cc]ontent-[Ll]ength: *(\\d+).*", "$1"));
            in.readNBytes(length);
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            trickle(out, HEAD, stop);
            String answer = readToClose(in);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            stop.set(true);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(elapsed < TIMEOUT_MILLIS + 2000, "closed after " + elapsed + " ms");
        }
    }

    @Test
    void aStreamIdleLongerThanTheBoundStaysOpen() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /progress/up/idle HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            assertTrue(readHead(in).startsWith("HTTP/1.1 200 "));
            in.readNBytes(1);
            socket.setSoTimeout((int) (TIMEOUT_MILLIS * 2));
            // nothing comes (no 408, no close) for twice the bound: the read times out
            assertThrows(SocketTimeoutException.class, () -> readToClose(in));
            socket.setSoTimeout(10_000);
            server.publish("idle", "progress", "still here");
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.UTF_8).contains("still here")) {
                int b = in.read();
                assertTrue(b >= 0, "the stream ended: " + seen);
                seen.write(b);
            }
        }
    }

    @Test
    void aWebSocketIdleLongerThanTheBoundStaysOpen() throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(server.port(), "/progress/up/idle-ws")) {
            ws.readTimeout((int) (TIMEOUT_MILLIS * 2));
            assertThrows(AssertionError.class, ws::readFrame, "nothing for twice the bound");
            ws.readTimeout(10_000);
            ws.sendClose(1000);
            assertEquals(1000, ws.awaitCloseCode(), "still a WebSocket, not closed by the head timeout");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
