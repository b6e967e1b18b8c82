package io.camelprogress.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The three transports as a client sees them, one {@link Session} per connection (for long-poll, per
 * poll), so that one test runs over each: SSE, WebSocket with the JDK client and with the
 * independent Java-WebSocket library, and long-poll.
 */
public enum TestTransport {
    SSE {
        @Override
        public Session open(ProgressServer server, String path, String lastId, int capacity) throws Exception {
            SseTestClient client = SseTestClient.open(server.url(path), lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId), capacity);
            return new Session() {
                @Override
                public Seen next(Duration wait) throws Exception {
                    SseFrame frame = client.next(f -> f.isEvent() || f.kind() == SseFrame.Kind.END, wait);
                    return frame.isEvent() ? new Seen(frame.id(), frame.event(), frame.data()) : null;
                }

                @Override
                public void close() throws Exception {
                    client.close();
                }
            };
        }
    },
    WEBSOCKET {
        @Override
        public Session open(ProgressServer server, String path, String lastId, int capacity) throws Exception {
            WsTestClient client = WsTestClient.open(server.wsUrl(withLastId(path, lastId)), capacity);
            return frames(client::next, client::close);
        }
    },
    WEBSOCKET_LIBRARY {
        @Override
        public Session open(ProgressServer server, String path, String lastId, int capacity) throws Exception {
            LibraryWsClient client = LibraryWsClient.open(server.wsUrl(withLastId(path, lastId)), capacity);
            return frames(client::next, client::close);
        }
    },
    LONG_POLL {
        @Override
        public Session open(ProgressServer server, String path, String lastId, int capacity) throws Exception {
            LongPollTestClient.Answer answer = LongPollTestClient.poll(server.url(path), lastId, 10);
            Deque<Seen> batch = new ArrayDeque<>();
            if (answer.status() == 200) {
                for (JsonNode e : answer.body().get("events")) {
                    batch.add(seen(e));
                }
            }
            boolean ended = answer.status() == 204;
            String next = answer.status() == 200 ? answer.body().get("lastEventId").asText(null) : null;
            return new Session() {
                @Override
                public Seen next(Duration wait) {
                    return batch.isEmpty() ? (ended ? null : Seen.batchEnd(next)) : batch.poll();
                }

                @Override
                public void close() {
                }
            };
        }
    };

    /**
     * Opens a connection.
     *
     * @param path     the stream's path under the base path, as in {@code up/job}
     * @param lastId   the id to resume after, or null
     * @param capacity how many received items the client holds for the test before it stops reading
     */
    public abstract Session open(ProgressServer server, String path, String lastId, int capacity) throws Exception;

    /** Opens a connection whose client reads as fast as the test takes. */
    public Session open(ProgressServer server, String path, String lastId) throws Exception {
        return open(server, path, lastId, Integer.MAX_VALUE);
    }

    /** One event or reset as a client saw it; a reset has no id and its data is the JSON text of the notice. */
    public record Seen(String id, String event, String data) {

        /** A long-poll answer was used up; poll again from {@code lastEventId} (the answer's). */
        static Seen batchEnd(String lastEventId) {
            return new Seen(lastEventId, null, null);
        }

        public boolean isBatchEnd() {
            return event == null;
        }

        public boolean isReset() {
            return "reset".equals(event);
        }
    }

    /** One connection: events in order until the stream ends. */
    public interface Session extends AutoCloseable {

        /** The next item, {@link Seen#isBatchEnd()} when a poll's answer is used up, or null when the stream ended. */
        Seen next(Duration wait) throws Exception;

        @Override
        void close() throws Exception;
    }

    private static String withLastId(String path, String lastId) {
        return path + (lastId == null ? "" : (path.contains("?") ? "&" : "?") + "lastEventId=" + lastId);
    }

    private static Seen seen(JsonNode frame) {
        JsonNode data = frame.get("data");
        return new Seen(frame.hasNonNull("id") ? frame.get("id").asText() : null, frame.get("event").asText(),
                data.isTextual() ? data.asText() : data.toString());
    }

    private interface FrameSource {
        JsonNode next(Duration wait) throws Exception;
    }

    /** A WebSocket session, whichever client reads its JSON frames. */
    private static Session frames(FrameSource source, AutoCloseable client) {
        return new Session() {
            @Override
            public Seen next(Duration wait) throws Exception {
                return seen(source.next(wait));
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }
}
