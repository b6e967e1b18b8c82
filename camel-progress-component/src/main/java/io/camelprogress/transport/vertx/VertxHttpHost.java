package io.camelprogress.transport.vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelprogress.hub.Hub;
import io.camelprogress.transport.ConnectionRegistry;
import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.ProgressRequests;
import io.camelprogress.transport.TransportSettings;
import io.camelprogress.transport.UpstreamSink;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.CamelContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the base path over HTTP: on the application's platform-http Vert.x router when it has one
 * (Camel Main, JBang, Quarkus and Camel K do), so streams share the application's port; else on a
 * Vert.x HTTP server of its own.
 */
public final class VertxHttpHost implements HttpHost {

    private static final Logger LOG = LoggerFactory.getLogger(VertxHttpHost.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final CamelContext camelContext;
    private final Hub hub;
    private final ConnectionRegistry connections;
    private final UpstreamSink upstream;
    private final TransportSettings settings;
    private final boolean attachToPlatformHttp;
    private final String host;
    private final int port;

    private final List<Route> routes = new ArrayList<>();
    private Vertx ownVertx;
    private HttpServer server;
    private boolean attached;

    public VertxHttpHost(CamelContext camelContext, Hub hub, TransportSettings settings, ConnectionRegistry connections,
                    UpstreamSink upstream, boolean attachToPlatformHttp, String host, int port) {
        this.camelContext = camelContext;
        this.hub = hub;
        this.connections = connections;
        this.upstream = upstream;
        this.settings = settings;
        this.attachToPlatformHttp = attachToPlatformHttp;
        this.host = host;
        this.port = port;
    }

    @Override
    public void start() throws Exception {
        VertxPlatformHttpRouter platformRouter = attachToPlatformHttp ? findPlatformRouter() : null;
        if (platformRouter != null) {
            mount(platformRouter, platformRouter.vertx());
            attached = true;
            LOG.info("Serving progress streams at {} on the platform-http server", settings.basePath());
            return;
        }
        Vertx vertx = CamelContextHelper.findSingleByType(camelContext, Vertx.class);
        if (vertx == null) {
            vertx = Vertx.vertx();
            ownVertx = vertx;
        }
        Router router = Router.router(vertx);
        mount(router, vertx);
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
                .setMaxHeaderSize(settings.maxHeaderSize()).setTcpNoDelay(true)
                // with h2c, Vert.x sets a connection up only once it has a whole request head: too late to bound it
                .setHttp2ClearTextEnabled(false)
                .setMaxWebSocketFrameSize(Math.max(settings.maxUpstreamMessageSize(), 65536))
                .setMaxWebSocketMessageSize(Math.max(settings.maxUpstreamMessageSize() + 1, 65536));
        long headTimeout = settings.limits().requestHeadTimeoutMillis();
        server = vertx.createHttpServer(options).connectionHandler(connection -> RequestHeadTimeout.install(connection, headTimeout))
                .requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.info("Serving progress streams at http://{}:{}{}", host, server.actualPort(), settings.basePath());
    }

    /**
     * The application's platform-http router. Routers are bound per port; when there are several
     * (a management server beside the main one), the main server's is taken.
     */
    private VertxPlatformHttpRouter findPlatformRouter() {
        Set<VertxPlatformHttpRouter> routers = camelContext.getRegistry().findByType(VertxPlatformHttpRouter.class);
        return routers.stream().filter(VertxPlatformHttpRouter::isMainServer).findFirst()
                .orElse(routers.stream().findFirst().orElse(null));
    }

    private void mount(Router router, Vertx vertx) {
        VertxRequestHandler handler = new VertxRequestHandler(vertx, new ProgressRequests(hub, settings, connections, upstream));
        routes.add(router.route(settings.basePath()).handler(handler));
        routes.add(router.route(settings.basePath() + "/*").handler(handler));
    }

    @Override
    public void stop() throws Exception {
        routes.forEach(Route::remove);
        routes.clear();
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server = null;
        }
        if (ownVertx != null) {
            ownVertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ownVertx = null;
        }
    }

    /** Whether streams are served on the platform-http router (else on the component's own server). */
    @Override
    public boolean attachedToPlatformHttp() {
        return attached;
    }

    /** The port of the component's own server, or -1 when attached to platform-http. */
    @Override
    public int port() {
        return server == null ? -1 : server.actualPort();
    }
}
