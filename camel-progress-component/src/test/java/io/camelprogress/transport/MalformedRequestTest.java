package io.camelprogress.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.camelprogress.testing.CapturedLogs;
import io.camelprogress.testing.ProgressServer;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the router fails before any handler runs (found by the fuzz suite): a malformed %-escape in the path,
 * no Host header. They get a 400 with a one-line reason, and nothing is logged at ERROR.
 */
@Timeout(30)
class MalformedRequestTest {

    @RegisterExtension
    final CapturedLogs logs = CapturedLogs.capture();

    @ParameterizedTest
    @ValueSource(strings = {"/progress/up/%zz", "/progress/up/%", "/progress/%u002e%u002e", "/progress/up/%2"})
    void malformedEscapeInThePathIsA400(String path) throws Exception {
        try (ProgressServer server = new ProgressServer()) {
            String answer = exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("\r\n\r\nMalformed path: a %-escape is not two hexadecimal digits\n"), answer);
        }
        assertNoError();
    }

    @Test
    void missingHostIsA400() throws Exception {
        try (ProgressServer server = new ProgressServer()) {
            String answer = exchange(server.port(), "GET /progress/up/a HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("\r\n\r\nBad request: For HTTP/1.x requests, the 'Host' header is required\n"), answer);
        }
        assertNoError();
    }

    @Test
    void wellEscapedPathsGoOn() throws Exception {
        try (ProgressServer server = new ProgressServer()) {
            String answer = exchange(server.port(), "GET /progress/up/%61 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.endsWith("stream name has a character outside [A-Za-z0-9._~-/]: '%'\n"), "past the guard: " + answer);
            answer = exchange(server.port(), "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                                             + "Connection: close\r\n\r\n");
            assertEquals("HTTP/1.1 404 Not Found", answer.lines().findFirst().orElse(""), "an unknown stream: " + answer);
        }
        assertNoError();
    }

    private void assertNoError() {
        logs.assertNone(line -> line.level().isMoreSpecificThan(Level.ERROR), "ERROR events");
    }

    private static String exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
