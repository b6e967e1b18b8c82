package io.camelprogress.transport.servlet;

import java.util.Map;
import java.util.function.Consumer;

import io.camelprogress.transport.WebSocketChannel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/** Upgrades a servlet request to a WebSocket on the same URL, through the container's Jakarta WebSocket 2.1. */
final class JakartaWebSockets {

    private JakartaWebSockets() {
    }

    /**
     * Upgrades now, on the container's thread that serves the request; {@code accepted} or
     * {@code failed} is called on the loop once the socket opens or fails.
     *
     * @throws IllegalStateException when the container has no WebSocket support
     * @throws Exception             when the container refuses the upgrade
     */
    static void upgrade(HttpServletRequest request, HttpServletResponse response, SerialLoop loop, OpenConnections open,
            Consumer<WebSocketChannel> accepted, Consumer<Throwable> failed) throws Exception {
        Object attribute = request.getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(attribute instanceof ServerContainer container)) {
            throw new IllegalStateException("the servlet container has no jakarta.websocket ServerContainer");
        }
        Endpoint endpoint = new JakartaEndpoint(loop, open, accepted, failed);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(JakartaEndpoint.class, request.getServletPath())
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }
                })
                .build();
        container.upgradeHttpToWebSocket(request, response, config, Map.of());
    }
}
