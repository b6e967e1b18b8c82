package io.camelprogress.transport;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelprogress.event.EventId;
import io.camelprogress.hub.SlowConsumerPolicy;
import io.camelprogress.hub.Subscription;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.ChunkedBody;
import io.camelprogress.testing.ProgressServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that never reads while 100,000 events are published: the route does not wait for
 * it, a reading subscriber gets every event, and the stalled one's queue stays within its bound.
 */
@Timeout(120)
class SlowClientTest {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClientTest.class);
    private static final int EVENTS = 100_000;
    private static final int MAX_PENDING = 2_000;

    @Test
    void stalledSubscriberHurtsNobody() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxPendingEvents(MAX_PENDING);
            // the whole burst stays retained: the reading client, late or not, gets every event
            c.setMaxEventsPerStream(EVENTS);
            c.setMaxBytesPerStream(64L << 20);
            c.setHeartbeatInterval(60_000);
        }); Socket stalled = new Socket(); Socket reading = new Socket()) {
            // a small receive window, so that the stalled client's socket fills at once
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            request(stalled, "/progress/up/slow");
            Await.until(() -> server.component().hub().subscriptions().size() == 1, Duration.ofSeconds(10), "the stalled subscriber");
            // this one, not whichever fell behind: a reading client may fall behind a burst for a while too
            Subscription slow = server.component().hub().subscriptions().iterator().next();
            reading.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            request(reading, "/progress/up/slow");
            Await.until(() -> server.component().hub().subscriptions().size() == 2, Duration.ofSeconds(10), "both subscribers");

            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> readAll(reading));
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                server.publish("slow", i == EVENTS - 1 ? "done" : null, "{\"n\":" + i + ",\"pad\":\"................................\"}");
            }
            long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(EVENTS, reader.get(60, TimeUnit.SECONDS), "the reading client got every event in order");

            assertTrue(server.component().hub().subscriptions().contains(slow), "the stalled client is still subscribed");
            assertTrue(slow.catchUps() > 0, "the stalled client fell behind");
            // a subscriber that falls behind holds a cursor into the log, not the events
            assertTrue(slow.pendingHighWater() <= MAX_PENDING, "pending high water " + slow.pendingHighWater());
            assertTrue(slow.pending() <= MAX_PENDING, "pending " + slow.pending());
            assertTrue(slow.lagging(), "the stalled client reads the log at its own pace");
            LOG.info("Published {} events in {} ms with a stalled subscriber; its queue peaked at {} (bound {}), {} times behind",
                    EVENTS, publishMillis, slow.pendingHighWater(), MAX_PENDING, slow.catchUps());
        }
    }

    @Test
    void stalledSubscriberIsDisconnectedWithThatPolicy() throws Exception {
        try (ProgressServer server = new ProgressServer(c -> {
            c.setMaxPendingEvents(100);
            c.setSlowConsumerPolicy(SlowConsumerPolicy.disconnect);
        }); Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            request(stalled, "/progress/up/drop");
            Await.until(() -> server.component().hub().subscriptions().size() == 1, Duration.ofSeconds(10), "the subscriber");
            // enough to fill the kernel's socket buffers, after which the policy applies
            String pad = ".".repeat(1000);
            for (int i = 0; i < 200_000 && !server.component().hub().subscriptions().isEmpty(); i++) {
                server.publish("drop", null, "{\"n\":" + i + ",\"pad\":\"" + pad + "\"}");
            }
            Await.until(() -> server.component().hub().subscriptions().isEmpty(), Duration.ofSeconds(10),
                    "the stalled subscriber to be disconnected");
            stalled.setSoTimeout(10_000);
            InputStream in = stalled.getInputStream();
            byte[] chunk = new byte[1 << 16];
            long drained = 0;
            for (int n; (n = in.read(chunk)) >= 0; ) {
                drained += n;
            }
            LOG.info("The stalled subscriber was disconnected after {} bytes reached it", drained);
        }
    }

    private static void request(Socket socket, String path) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the chunked SSE response and checks the ids: consecutive, ending with the terminal event. */
    private static long readAll(Socket socket) {
        try {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(new ChunkedBody(new BufferedInputStream(socket.getInputStream(), 1 << 16)), StandardCharsets.UTF_8), 1 << 16);
            long count = 0;
            long previous = -1;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    long sequence = EventId.parse(line.substring(4)).sequence();
                    if (previous >= 0 && sequence != previous + 1) {
                        throw new AssertionError("after " + previous + " came " + sequence);
                    }
                    previous = sequence;
                    count++;
                } else if (line.equals("event: done")) {
                    return count;
                }
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
