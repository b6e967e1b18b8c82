package io.camelprogress.transport.servlet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import io.camelprogress.event.StreamItem;
import io.camelprogress.transport.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket on the servlet host. Jakarta WebSocket sends one message at a time without blocking
 * ({@code getAsyncRemote()}), so what the connection writes waits here, in order, and goes out as
 * each send completes; pings and the close frame take their turn behind the frames before them.
 */
final class JakartaWebSocket implements WebSocketChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JakartaWebSocket.class);
    /** Characters queued past which the socket counts as backed up. */
    private static final int HIGH_WATER = 64 * 1024;
    private static final Object PING = new Object();
    private static final WebSocketChannel.Listener NO_LISTENER = new WebSocketChannel.Listener() {
        @Override
        public void onText(byte[] payload, boolean last) {
        }

        @Override
        public void onBinary() {
        }

        @Override
        public void onPong() {
        }

        @Override
        public void onClosed() {
        }
    };

    private final Session session;
    private final SerialLoop loop;
    /** Text messages (String), {@link #PING} and the close ({@link CloseReason}), in order. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private int pendingChars;
    private boolean sending;
    private boolean closing;
    private boolean closed;
    private Runnable drained;
    private WebSocketChannel.Listener listener = NO_LISTENER;

    JakartaWebSocket(Session session, SerialLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    WebSocketChannel.Listener listener() {
        return listener;
    }

    @Override
    public void write(List<StreamItem> items) {
        for (int i = 0; i < items.size(); i++) {
            enqueue(items.get(i).jsonFrame());
        }
        sendNext();
    }

    @Override
    public void writeText(String text) {
        enqueue(text);
        sendNext();
    }

    private void enqueue(String text) {
        if (!closing && !closed) {
            pending.add(text);
            pendingChars += text.length();
        }
    }

    @Override
    public void ping() {
        if (!closing && !closed) {
            pending.add(PING);
            sendNext();
        }
    }

    @Override
    public void close(short code, String reason) {
        if (!closing && !closed) {
            closing = true;
            pending.add(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            sendNext();
        }
    }

    @Override
    public void fail(short code, String reason) {
        if (!closed) {
            // the frames still queued are dropped: the peer broke the rules
            pending.clear();
            pendingChars = 0;
            closing = false;
            close(code, reason);
        }
    }

    @Override
    public boolean writeQueueFull() {
        return pendingChars >= HIGH_WATER || (sending && pendingChars > 0);
    }

    @Override
    public void whenWritable(Runnable action) {
        if (!sending && pending.isEmpty()) {
            loop.execute(action);
        } else {
            drained = action;
        }
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** The container closed the socket, or it failed. */
    void closed() {
        if (!closed) {
            closed = true;
            pending.clear();
            pendingChars = 0;
            listener.onClosed();
        }
    }

    /** Closes from the thread that stops the host. */
    @Override
    public void close() throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server stopping"));
    }

    private void sendNext() {
        while (!sending && !closed && !pending.isEmpty()) {
            Object next = pending.poll();
            if (next instanceof String text) {
                pendingChars -= text.length();
                sending = true;
                try {
                    session.getAsyncRemote().sendText(text, this::sent);
                } catch (RuntimeException e) {
                    sending = false;
                    LOG.debug("WebSocket send failed: {}", e.getMessage());
                    closed();
                }
            } else if (next == PING) {
                try {
                    // a control frame of 2 bytes, sent when no message is in flight: it does not wait behind one
                    session.getAsyncRemote().sendPing(ByteBuffer.wrap("hb".getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("WebSocket ping failed: {}", e.getMessage());
                }
            } else if (next instanceof CloseReason reason) {
                try {
                    session.close(reason);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("WebSocket close failed: {}", e.getMessage());
                }
            }
        }
        if (!sending && pending.isEmpty() && drained != null) {
            Runnable action = drained;
            drained = null;
            action.run();
        }
    }

    private void sent(SendResult result) {
        loop.execute(() -> {
            sending = false;
            if (!result.isOK()) {
                LOG.debug("WebSocket send failed: {}", result.getException() == null ? "" : result.getException().getMessage());
                closed();
                return;
            }
            sendNext();
        });
    }
}
