package io.camelprogress.transport;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.camelprogress.testing.Await;
import io.camelprogress.testing.ProgressServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An SSE subscriber whose connection carries more bytes after its request (a pipelined request, a chunked body)
 * leaves the hub when the client goes.
 * <p>
 * Open finding of the fuzz suite (seed 1, case 1256): with bytes that are no request pipelined behind an SSE request
 * ({@code zz\r\n}), the subscription stays in the hub after the client closed, heartbeats or not, and so does its
 * place in {@code maxConnections}: a client can use up the connection bound with such requests.
 */
@Timeout(30)
class PipelinedRequestLeakTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /progress/up/b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"})
    void subscriberLeavesWhenTheClientGoes(String bytes) throws Exception {
        assertLeavesAfterClose(bytes);
    }


    @ParameterizedTest
    @ValueSource(strings = {
        "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nzz\r\n",
        "GET /progress/up/a HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nzz\r\n"})
    void subscriberLeavesAfterGarbagePipelinedBehindItsRequest(String bytes) throws Exception {
        assertLeavesAfterClose(bytes);
    }

    private static void assertLeavesAfterClose(String bytes) throws Exception {
        try (ProgressServer server = new ProgressServer(c -> c.setHeartbeatInterval(1_000))) {
            server.publish("a", null, "x");
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(bytes.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Await.until(() -> server.component().hub().subscriptions().size() == 1, Duration.ofSeconds(5), "the subscriber");
            }
            Await.until(() -> server.component().hub().subscriptions().isEmpty(), Duration.ofSeconds(5),
                    "the subscriber to leave the hub once its client closed");
        }
    }
}
