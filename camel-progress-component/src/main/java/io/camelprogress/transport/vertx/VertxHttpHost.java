package io.camelprogress.transport.vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelprogress.hub.Hub;
import io.camelprogress.security.AccessGuard;
import io.camelprogress.transport.ConnectionRegistry;
import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.ProgressRequests;
import io.camelprogress.transport.TransportMetrics;
import io.camelprogress.transport.TransportSettings;
import io.camelprogress.transport.UpstreamSink;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
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
    private final AccessGuard guard;
    private final TransportMetrics metrics;
    private final boolean attachToPlatformHttp;
    private final OwnServerSettings own;

    private final List<Route> routes = new ArrayList<>();
    private Vertx ownVertx;
    private HttpServer server;
    private boolean attached;

    public VertxHttpHost(CamelContext camelContext, Hub hub, TransportSettings settings, ConnectionRegistry connections,
                    UpstreamSink upstream, AccessGuard guard, TransportMetrics metrics, boolean attachToPlatformHttp,
                    OwnServerSettings own) {
        this.camelContext = camelContext;
        this.hub = hub;
        this.connections = connections;
        this.upstream = upstream;
        this.settings = settings;
        this.guard = guard;
        this.metrics = metrics;
        this.attachToPlatformHttp = attachToPlatformHttp;
        this.own = own;
    }

    @Override
    public void start() throws Exception {
        VertxPlatformHttpRouter platformRouter = attachToPlatformHttp ? findPlatformRouter() : null;
        if (platformRouter != null) {
            mount(platformRouter, platformRouter.vertx());
            attached = true;
            if (own.secure()) {
                LOG.warn("The progress component's TLS settings are not used: streams are served on the platform-http server,"
                         + " whose own TLS applies (camel.server.useGlobalSslContextParameters=true with camel.ssl.*)");
            }
            LOG.debug("Mounted {} on the platform-http router", settings.basePath());
            listWithPlatformHttp();
            return;
        }
        Vertx vertx = CamelContextHelper.findSingleByType(camelContext, Vertx.class);
        if (vertx == null) {
            vertx = Vertx.vertx();
            ownVertx = vertx;
        }
        Router router = Router.router(vertx);
        // a request the router fails itself (no Host header) is answered in one line, not logged as an ERROR
        router.errorHandler(400, rc -> rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(MalformedPathGuard.badRequest("Bad request: " + (rc.failure() == null ? "malformed" : rc.failure().getMessage()))));
        // only on our own router: platform-http's fails a malformed path before any route of ours is asked
        router.route().order(Integer.MIN_VALUE).handler(new MalformedPathGuard(settings.basePath()));
        mount(router, vertx);
        HttpServerOptions options = own.toOptions(camelContext, settings);
        long headTimeout = settings.limits().requestHeadTimeoutMillis();
        server = vertx.createHttpServer(options).connectionHandler(connection -> RequestHeadTimeout.install(connection, headTimeout))
                .requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.debug("Listening on {}", where());
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
        VertxRequestHandler handler = new VertxRequestHandler(vertx, new ProgressRequests(hub, settings, connections, upstream, guard, metrics));
        routes.add(router.route(settings.basePath()).handler(handler));
        routes.add(router.route(settings.basePath() + "/*").handler(handler));
    }

    /** Lists the streams' URLs where platform-http lists its endpoints (its console, the start summary, camel get). */
    private void listWithPlatformHttp() {
        if (camelContext.hasComponent("platform-http") instanceof PlatformHttpComponent platformHttp) {
            platformHttp.addHttpEndpoint(listedUri(), "GET,POST,OPTIONS", null, "text/event-stream,application/json", null);
        }
    }

    private String listedUri() {
        return settings.basePath() + "/*";
    }

    @Override
    public void stop() throws Exception {
        if (attached && camelContext.hasComponent("platform-http") instanceof PlatformHttpComponent platformHttp) {
            platformHttp.removeHttpEndpoint(listedUri());
        }
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

    @Override
    public String where() {
        if (attached) {
            return settings.basePath() + " on the platform-http server";
        }
        if (server == null) {
            return "nowhere (not started)";
        }
        return (own.secure() ? "https" : "http") + "://" + own.host() + ":" + server.actualPort() + settings.basePath()
               + (own.secure() ? " (HTTP/2 and HTTP/1.1)" : own.http2ClearText() ? " (HTTP/1.1 and h2c)" : "");
    }

    /** The port of the component's own server, or -1 when attached to platform-http. */
    @Override
    public int port() {
        return server == null ? -1 : server.actualPort();
    }
}
