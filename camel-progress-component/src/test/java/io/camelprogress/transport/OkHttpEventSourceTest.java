package io.camelprogress.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.camelprogress.testing.OkSseListener;
import io.camelprogress.testing.ProgressServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent, spec-following SSE client (OkHttp's okhttp-sse) reads the stream, drops the
 * connection, and resumes with Last-Event-ID as a browser's EventSource would.
 */
@Timeout(30)
class OkHttpEventSourceTest {

    @Test
    void readsDropsAndResumesWithLastEventId() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
        try (ProgressServer server = new ProgressServer()) {
            EventSource.Factory factory = EventSources.createFactory(client);
            OkSseListener first = new OkSseListener();
            EventSource source = factory.newEventSource(new Request.Builder().url(server.url("up/ok")).build(), first);
            server.publish("ok", null, "one");
            server.publish("ok", null, "two\nlines");
            List<OkSseListener.Received> got = first.take(2);
            assertEquals("one", got.get(0).data());
            assertEquals("progress", got.get(0).type());
            assertEquals("two\nlines", got.get(1).data());
            source.cancel();

            server.publish("ok", null, "three");
            server.publish("ok", "done", "four");
            OkSseListener resumed = new OkSseListener();
            factory.newEventSource(new Request.Builder().url(server.url("up/ok"))
                    .header("Last-Event-ID", got.get(1).id()).build(), resumed);
            List<OkSseListener.Received> rest = resumed.take(2);
            assertEquals(List.of("three", "four"), rest.stream().map(OkSseListener.Received::data).toList());
            assertEquals("done", rest.get(1).type());
            assertTrue(resumed.closed.await(10, TimeUnit.SECONDS), "the stream ends after the terminal event");

            OkSseListener afterEnd = new OkSseListener();
            factory.newEventSource(new Request.Builder().url(server.url("up/ok"))
                    .header("Last-Event-ID", rest.get(1).id()).build(), afterEnd);
            assertTrue(afterEnd.closed.await(10, TimeUnit.SECONDS));
            assertEquals(204, afterEnd.response.code());
            assertTrue(afterEnd.events.isEmpty());
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
