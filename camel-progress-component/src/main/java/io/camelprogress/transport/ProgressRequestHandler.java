package io.camelprogress.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.event.EventId;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.StreamSnapshot;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests under the base path: picks the streams from the path and {@code ?stream=},
 * negotiates the transport from the request, and hands over to it.
 */
final class ProgressRequestHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressRequestHandler.class);

    private final Vertx vertx;
    private final Hub hub;
    private final TransportSettings settings;
    private final ConnectionLimiter limiter;
    private final SnapshotWriter snapshots;
    private final Buffer heartbeat = SseEncoder.heartbeat();

    ProgressRequestHandler(Vertx vertx, Hub hub, TransportSettings settings, ObjectMapper mapper) {
        this.vertx = vertx;
        this.hub = hub;
        this.settings = settings;
        this.limiter = new ConnectionLimiter(settings.maxConnections(), settings.maxConnectionsPerAddress());
        this.snapshots = new SnapshotWriter(mapper);
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        String base = settings.basePath();
        if (!path.startsWith(base) || path.length() > base.length() && path.charAt(base.length()) != '/') {
            rc.next();
            return;
        }
        if (request.method() != HttpMethod.GET) {
            request.response().putHeader(HttpHeaders.ALLOW, "GET");
            plain(request.response(), 405, "Method " + request.method() + " is not allowed here; use GET");
            return;
        }
        if (headerBytes(request) > settings.maxHeaderSize()) {
            plain(request.response(), 431, "Request headers exceed maxHeaderSize=" + settings.maxHeaderSize() + " bytes");
            return;
        }
        String rest = path.length() > base.length() ? path.substring(base.length() + 1) : "";
        if (rest.startsWith("_")) {
            plain(request.response(), 404, "No such resource: " + path);
            return;
        }
        List<String> names = new ArrayList<>(request.params().getAll("stream"));
        if (!rest.isEmpty()) {
            names.add(0, rest);
        }
        StreamSelection selection;
        try {
            selection = StreamSelection.parse(names);
        } catch (IllegalArgumentException e) {
            plain(request.response(), 400, e.getMessage());
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.contains("text/event-stream") && accept.contains("application/json")) {
            if (request.params().contains("after")) {
                plain(request.response(), 501, "Long-polling (?after=) is not available in this version; use SSE");
            } else {
                snapshot(request.response(), selection);
            }
            return;
        }
        sse(request, selection);
    }

    private void sse(HttpServerRequest request, StreamSelection selection) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String full = limiter.tryAcquire(address);
        if (full != null) {
            LOG.debug("Refusing SSE connection from {}: {} reached", address, full);
            HttpServerResponse response = request.response();
            // any status but 200 stops EventSource for good: say when to come back instead
            SseConnection.writeHead(response);
            response.end(SseEncoder.retry(SseConnection.jitter(settings.overloadRetryMillis())));
            return;
        }
        new SseConnection(request, vertx, hub, settings, limiter, address, heartbeat).start(selection, cursorOf(request));
    }

    /** The client's last id: the Last-Event-ID header, else {@code ?lastEventId=}; a malformed one counts as none. */
    private static EventId cursorOf(HttpServerRequest request) {
        String text = request.getHeader("Last-Event-ID");
        if (text == null || text.isEmpty()) {
            text = request.getParam("lastEventId");
        }
        if (text == null || text.isEmpty()) {
            return null;
        }
        EventId id = EventId.parse(text.trim());
        if (id == null) {
            LOG.debug("Ignoring malformed last event id '{}'", text.length() > 80 ? text.substring(0, 80) + "..." : text);
        }
        return id;
    }

    private void snapshot(HttpServerResponse response, StreamSelection selection) {
        try {
            List<StreamSnapshot> found = hub.snapshot(selection.single() ? selection.streams() : streamsOf(selection));
            if (selection.single()) {
                if (found.isEmpty()) {
                    plain(response, 404, "Unknown stream: " + selection);
                    return;
                }
                json(response, snapshots.single(found.get(0)));
            } else {
                json(response, snapshots.many(found));
            }
        } catch (Exception e) {
            LOG.warn("Could not write snapshot of {}", selection, e);
            plain(response, 500, "Could not write snapshot: " + e.getMessage());
        }
    }

    private List<String> streamsOf(StreamSelection selection) {
        List<String> names = new ArrayList<>(selection.streams());
        for (String channel : selection.channels()) {
            for (String stream : hub.streamsOf(channel)) {
                if (!names.contains(stream)) {
                    names.add(stream);
                }
            }
        }
        return names;
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = request.uri().length();
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static void json(HttpServerResponse response, String body) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(body);
    }

    private static void plain(HttpServerResponse response, int status, String reason) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(reason + "\n");
    }
}
