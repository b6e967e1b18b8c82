package io.camelprogress.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.JsonEventEncoder;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.event.StreamNames;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.StreamSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Handler;
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
 * negotiates the transport from the request (SSE, WebSocket, long-poll, snapshot; POST goes
 * upstream), and hands over to it.
 */
final class ProgressRequestHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressRequestHandler.class);

    private final HttpContext http;
    private final SnapshotWriter snapshots;
    private final OriginPolicy origins;
    private final Buffer heartbeat = SseEncoder.heartbeat();

    ProgressRequestHandler(HttpContext http, ObjectMapper mapper) {
        this.http = http;
        this.snapshots = new SnapshotWriter(mapper);
        this.origins = new OriginPolicy(http.settings().allowedOrigins());
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        String base = http.settings().basePath();
        if (!path.startsWith(base) || path.length() > base.length() && path.charAt(base.length()) != '/') {
            rc.next();
            return;
        }
        HttpServerResponse response = request.response();
        boolean get = request.method() == HttpMethod.GET;
        if (!get && request.method() != HttpMethod.POST) {
            response.putHeader(HttpHeaders.ALLOW, "GET, POST");
            plain(response, 405, "Method " + request.method() + " is not allowed here; use GET, or POST to send to a route");
            return;
        }
        if (headerBytes(request) > http.settings().maxHeaderSize()) {
            plain(response, 431, "Request headers exceed maxHeaderSize=" + http.settings().maxHeaderSize() + " bytes");
            return;
        }
        String rest = path.length() > base.length() ? path.substring(base.length() + 1) : "";
        if (rest.startsWith("_")) {
            if (get && rest.equals(ClientScript.NAME)) {
                ClientScript.serve(request);
            } else {
                plain(response, 404, "No such resource: " + path);
            }
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
            plain(response, 400, e.getMessage());
            return;
        }
        boolean upgrade = get && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        if ((upgrade || !get) && !origins.allows(request)) {
            LOG.debug("Refusing {} from origin {}", upgrade ? "WebSocket" : "POST", request.getHeader("Origin"));
            plain(response, 403, "Origin " + StreamNames.printable(request.getHeader("Origin")) + " is not allowed");
            return;
        }
        if (!get) {
            post(request, selection);
        } else if (upgrade) {
            webSocket(request, selection);
        } else if (wantsJson(request)) {
            if (request.params().contains("after")) {
                longPoll(request, selection);
            } else {
                snapshot(response, selection);
            }
        } else {
            sse(request, selection);
        }
    }

    private static boolean wantsJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains("text/event-stream") && accept.contains("application/json");
    }

    private void sse(HttpServerRequest request, StreamSelection selection) {
        String address = addressOf(request);
        String full = http.limiter().tryAcquire(address);
        if (full != null) {
            LOG.debug("Refusing SSE connection from {}: {} reached", address, full);
            HttpServerResponse response = request.response();
            // any status but 200 stops EventSource for good: say when to come back instead
            SseConnection.writeHead(response);
            response.end(SseEncoder.retry(SseConnection.jitter(http.settings().overloadRetryMillis())));
            return;
        }
        new SseConnection(http, context(), request, address, selection, heartbeat).start(cursorOf(request));
    }

    private void webSocket(HttpServerRequest request, StreamSelection selection) {
        String address = addressOf(request);
        String full = http.limiter().tryAcquire(address);
        if (full != null) {
            LOG.debug("Refusing WebSocket from {}: {} reached", address, full);
            request.response().putHeader("Retry-After", Long.toString(http.settings().overloadRetryMillis() / 1000));
            plain(request.response(), 503, "Too many connections (" + full + "); retry later");
            return;
        }
        EventId cursor = cursorOf(request);
        Context context = context();
        request.toWebSocket().onComplete(result -> {
            if (result.succeeded()) {
                new WebSocketConnection(http, context, result.result(), address, selection).start(cursor);
            } else {
                http.limiter().release(address);
                LOG.debug("WebSocket handshake with {} failed: {}", address, result.cause().getMessage());
            }
        });
    }

    private void longPoll(HttpServerRequest request, StreamSelection selection) {
        String address = addressOf(request);
        String full = http.limiter().tryAcquire(address);
        if (full != null) {
            request.response().putHeader("Retry-After", Long.toString(http.settings().overloadRetryMillis() / 1000));
            plain(request.response(), 503, "Too many connections (" + full + "); retry later");
            return;
        }
        long timeout = http.settings().longPollTimeoutMillis();
        String asked = request.getParam("timeout");
        if (asked != null) {
            try {
                timeout = Math.max(0, Math.min(timeout, Math.round(Double.parseDouble(asked) * 1000)));
            } catch (NumberFormatException e) {
                http.limiter().release(address);
                plain(request.response(), 400, "timeout must be a number of seconds: " + StreamNames.printable(asked));
                return;
            }
        }
        new LongPoll(http, context(), request, address, parseId(request.getParam("after"))).start(selection, Math.max(1, timeout));
    }

    private void post(HttpServerRequest request, StreamSelection selection) {
        HttpServerResponse response = request.response();
        if (!selection.single()) {
            plain(response, 400, "POST to one stream's URL, as in " + http.settings().basePath() + "/<channel>/<stream>");
            return;
        }
        String stream = selection.streams().iterator().next();
        String channel = StreamNames.channelOf(stream);
        if (!http.upstream().hasConsumer(channel)) {
            response.putHeader(HttpHeaders.ALLOW, "GET");
            plain(response, 405, "No route consumes messages of channel '" + channel + "'; add from(\"progress:" + channel + "\")");
            return;
        }
        int max = http.settings().maxUpstreamMessageSize();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 19 && Long.parseLong(length.trim()) > max) {
            plain(response, 413, "Message larger than maxUpstreamMessageSize=" + max + " bytes");
            return;
        }
        Buffer body = Buffer.buffer();
        Context context = context();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > max) {
                request.handler(null);
                plain(response, 413, "Message larger than maxUpstreamMessageSize=" + max + " bytes");
                request.connection().close();
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (response.ended()) {
                return;
            }
            String key = http.connections().newKey();
            // while the route runs, the POST is a connection it can answer by key like a WebSocket
            AtomicReference<EventDraft> direct = new AtomicReference<>();
            http.connections().add(key, direct::set);
            UpstreamMessage message = new UpstreamMessage(stream, key, "http", addressOf(request),
                    body.toString(), request.getHeader(HttpHeaders.CONTENT_TYPE), null);
            http.upstream().deliver(channel, message).whenComplete((reply, error) -> context.runOnContext(x -> {
                http.connections().remove(key);
                if (response.ended() || response.closed()) {
                    return;
                }
                if (error != null) {
                    plain(response, 500, "The route failed: " + StreamNames.printable(error.getMessage()));
                } else if (direct.get() != null) {
                    response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .end(JsonEventEncoder.direct(direct.get()));
                } else {
                    response.setStatusCode(reply.status());
                    if (reply.body() == null) {
                        response.end();
                    } else {
                        if (reply.contentType() != null) {
                            response.putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType());
                        }
                        response.end(reply.body());
                    }
                }
            }));
        });
    }

    private Context context() {
        return http.vertx().getOrCreateContext();
    }

    private static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The client's last id: the Last-Event-ID header, else {@code ?lastEventId=}; a malformed one counts as none. */
    private static EventId cursorOf(HttpServerRequest request) {
        String text = request.getHeader("Last-Event-ID");
        if (text == null || text.isEmpty()) {
            text = request.getParam("lastEventId");
        }
        return parseId(text);
    }

    private static EventId parseId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        EventId id = EventId.parse(text.trim());
        if (id == null) {
            LOG.debug("Ignoring malformed last event id '{}'", StreamNames.printable(text.length() > 80 ? text.substring(0, 80) : text));
        }
        return id;
    }

    private void snapshot(HttpServerResponse response, StreamSelection selection) {
        try {
            List<StreamSnapshot> found = http.hub().snapshot(selection.single() ? selection.streams() : streamsOf(selection));
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
            for (String stream : http.hub().streamsOf(channel)) {
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
