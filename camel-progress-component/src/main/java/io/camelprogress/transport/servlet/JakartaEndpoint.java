package io.camelprogress.transport.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.camelprogress.transport.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * The Jakarta WebSocket endpoint of one upgraded request: hands the open socket to the connection,
 * and what the client sends to its listener, each on the connection's loop. Public only because
 * containers (Jetty) refuse an endpoint class that is not; only the servlet host makes one.
 */
public final class JakartaEndpoint extends Endpoint {

    private final SerialLoop loop;
    private final OpenConnections open;
    private final Consumer<WebSocketChannel> accepted;
    private final Consumer<Throwable> failed;
    private JakartaWebSocket socket;

    JakartaEndpoint(SerialLoop loop, OpenConnections open, Consumer<WebSocketChannel> accepted, Consumer<Throwable> failed) {
        this.loop = loop;
        this.open = open;
        this.accepted = accepted;
        this.failed = failed;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        JakartaWebSocket ws = new JakartaWebSocket(session, loop);
        socket = ws;
        open.add(ws);
        // queued before any message handler can fire: the connection listens before it hears anything
        loop.execute(() -> accepted.accept(ws));
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (text, last) -> {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            loop.execute(() -> ws.listener().onText(payload, last));
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (data, last) -> {
            if (last) {
                loop.execute(() -> ws.listener().onBinary());
            }
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> loop.execute(() -> ws.listener().onPong()));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closed();
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        if (socket == null) {
            loop.execute(() -> failed.accept(thrown));
        } else {
            closed();
        }
    }

    private void closed() {
        JakartaWebSocket ws = socket;
        if (ws != null) {
            open.remove(ws);
            loop.execute(ws::closed);
        }
    }
}
