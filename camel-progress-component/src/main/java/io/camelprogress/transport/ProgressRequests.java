package io.camelprogress.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.JsonEventEncoder;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.event.StreamNames;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.StreamSnapshot;
import io.camelprogress.security.AccessDecision;
import io.camelprogress.security.AccessGuard;
import io.camelprogress.security.AccessRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests under the base path, whichever host received them: picks the streams from the
 * path and {@code ?stream=}, negotiates the transport from the request (SSE, WebSocket, long-poll,
 * snapshot; POST goes upstream), authorizes it (ticket, authorizer), admits it against the
 * connection bounds and hands over to it.
 */
public final class ProgressRequests {

    static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json", "Cache-Control", "no-cache");
    private static final Map<String, String> TEXT_HEADERS = Map.of("Content-Type", "text/plain; charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(ProgressRequests.class);

    private final HttpContext http;
    private final SnapshotWriter snapshots;
    private final OriginPolicy origins;
    private final TrustedProxies proxies;
    private final CorsPolicy cors;
    private final AccessGuard guard;
    private final AddressRateLimiter subscribeRate;
    private final AddressRateLimiter postRate;

    /**
     * The requests of one HTTP host.
     *
     * @param connections the open connections by key, shared with the producers that answer them
     * @param upstream    the routes that hear from browsers
     * @param guard       the authorize step every request naming streams goes through
     * @param metrics     where connections, deliveries and refusals are counted
     */
    public ProgressRequests(Hub hub, TransportSettings settings, ConnectionRegistry connections, UpstreamSink upstream,
            AccessGuard guard, TransportMetrics metrics) {
        this.http = new HttpContext(hub, settings, new ConnectionLimiter(settings.maxConnections(), settings.maxConnectionsPerAddress()),
                connections, upstream, metrics);
        this.snapshots = new SnapshotWriter(new ObjectMapper());
        this.origins = new OriginPolicy(http.settings().allowedOrigins());
        this.proxies = new TrustedProxies(http.settings().trustedProxies());
        this.cors = new CorsPolicy(origins, http.settings().allowCredentials());
        this.guard = guard;
        RequestLimits limits = settings.limits();
        this.subscribeRate = new AddressRateLimiter(limits.subscribeRatePerAddress(), limits.maxTrackedAddresses(), System::nanoTime);
        this.postRate = new AddressRateLimiter(limits.postRatePerAddress(), limits.maxTrackedAddresses(), System::nanoTime);
    }

    /** The path under which streams are served; a host hands over every request under it. */
    public String basePath() {
        return http.settings().basePath();
    }

    /** Whether a path is the base path or below it. */
    public boolean serves(String path) {
        String base = basePath();
        return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
    }

    /** Answers one request under the base path. */
    public void handle(HostRequest request) {
        String path = request.path();
        String base = basePath();
        String method = request.method();
        if ("OPTIONS".equals(method)) {
            cors.preflight(request);
            return;
        }
        boolean get = "GET".equals(method);
        if (!get && !"POST".equals(method)) {
            plain(request, 405, "Method " + StreamNames.printable(method) + " is not allowed here; use GET, or POST to send to a route",
                    Map.of("Allow", "GET, POST, OPTIONS"));
            return;
        }
        if (headerBytes(request) > http.settings().maxHeaderSize()) {
            plain(request, 431, "Request headers exceed maxHeaderSize=" + http.settings().maxHeaderSize() + " bytes");
            return;
        }
        boolean upgrade = get && "websocket".equalsIgnoreCase(request.header("Upgrade"));
        if (!upgrade) {
            cors.apply(request);
        }
        String rest = path.length() > base.length() ? path.substring(base.length() + 1) : "";
        if (rest.startsWith("_")) {
            if (get && rest.equals(ClientScript.NAME)) {
                ClientScript.serve(request);
            } else {
                plain(request, 404, "No such resource: " + StreamNames.printable(path));
            }
            return;
        }
        List<String> named;
        try {
            // the first look decodes the whole query: a malformed escape anywhere in it shows here
            named = request.params("stream");
        } catch (IllegalArgumentException e) {
            plain(request, 400, "Malformed query string: a %-escape is not two hexadecimal digits");
            return;
        }
        StreamSelection selection;
        try {
            List<String> names = new ArrayList<>(named);
            if (!rest.isEmpty()) {
                names.add(0, rest);
            }
            selection = StreamSelection.parse(names);
        } catch (IllegalArgumentException e) {
            plain(request, 400, e.getMessage());
            return;
        }
        if ((upgrade || !get) && !origins.allows(request.header("Origin"), request.header("Host"))) {
            LOG.debug("Refusing {} from origin {}", upgrade ? "WebSocket" : "POST", StreamNames.printable(request.header("Origin")));
            plain(request, 403, "Origin " + StreamNames.printable(request.header("Origin")) + " is not allowed");
            return;
        }
        String transport = !get ? "http" : upgrade ? "websocket" : !wantsJson(request) ? "sse"
                : request.param("after") != null ? "long-poll" : "snapshot";
        if (upgrade) {
            WebSocketHandshake.Refusal refused = WebSocketHandshake.check(request);
            if (refused != null) {
                plain(request, refused.status(), refused.reason(), refused.headers());
                return;
            }
        }
        String address = addressOf(request);
        // the request's own bounds and its address's rate come before the ticket: a flood of
        // requests refused for their ticket is held to the rate as any other
        if ("http".equals(transport) ? !withinPostRate(request, address)
                : !withinStreamBound(request, selection, transport) || !withinSubscribeRate(request, address, transport)) {
            return;
        }
        if (!authorized(request, transport, selection, address)) {
            return;
        }
        switch (transport) {
            case "http" -> post(request, selection, address);
            case "websocket" -> webSocket(request, selection, address, maySend(request, selection, address));
            case "long-poll" -> longPoll(request, selection, address);
            case "snapshot" -> snapshot(request, selection);
            default -> sse(request, selection, address);
        }
    }

    /** The authorize step: the ticket and the authorizer decide; a refusal is answered here, with no hint of other streams. */
    private boolean authorized(HostRequest request, String transport, StreamSelection selection, String address) {
        if (guard.isOpen()) {
            return true;
        }
        RequestAccess access = new RequestAccess(request, "http".equals(transport) ? AccessRequest.Action.SEND : AccessRequest.Action.SUBSCRIBE,
                transport, selection, address);
        AccessDecision decision = guard.check(access.ticketText(), access);
        if (decision.allowed()) {
            return true;
        }
        LOG.debug("Refusing {} of {} from {} with {}: {}", transport, selection, address, decision.status(), decision.reason());
        http.metrics().refused(decision.status() == 401 ? "unauthorized" : "forbidden");
        String reason = decision.reason() != null ? StreamNames.printable(decision.reason()) : decision.status() == 401 ? "Unauthorized" : "Forbidden";
        plain(request, decision.status(), reason,
                decision.status() == 401 ? Map.of("WWW-Authenticate", "Bearer realm=\"progress\"") : Map.of());
        return false;
    }

    private static boolean wantsJson(HostRequest request) {
        String accept = request.header("Accept");
        return accept != null && !accept.contains("text/event-stream") && accept.contains("application/json");
    }

    private void sse(HostRequest request, StreamSelection selection, String address) {
        if (admit(request, address, "sse")) {
            new SseConnection(http, request, address, selection).start(cursorOf(request));
        }
    }

    /**
     * Whether a WebSocket's text frames may go to the channel's route: they are sends, as POSTs are, so
     * the authorize step is asked again for that; a refusal leaves the socket for reading only.
     */
    private boolean maySend(HostRequest request, StreamSelection selection, String address) {
        if (guard.isOpen()) {
            return true;
        }
        RequestAccess access = new RequestAccess(request, AccessRequest.Action.SEND, "websocket", selection, address);
        return guard.check(access.ticketText(), access).allowed();
    }

    private void webSocket(HostRequest request, StreamSelection selection, String address, boolean maySend) {
        if (!admit(request, address, "websocket")) {
            return;
        }
        EventId cursor = cursorOf(request);
        request.upgradeToWebSocket(ws -> new WebSocketConnection(http, request.loop(), ws, address, selection, maySend).start(cursor), error -> {
            http.limiter().release(address);
            LOG.debug("WebSocket handshake with {} failed: {}", address, error.getMessage());
        });
    }

    private void longPoll(HostRequest request, StreamSelection selection, String address) {
        long timeout = http.settings().longPollTimeoutMillis();
        String asked = request.param("timeout");
        if (asked != null) {
            try {
                timeout = Math.max(0, Math.min(timeout, Math.round(Double.parseDouble(asked) * 1000)));
            } catch (NumberFormatException e) {
                plain(request, 400, "timeout must be a number of seconds: " + StreamNames.printable(asked));
                return;
            }
        }
        if (admit(request, address, "long-poll")) {
            new LongPoll(http, request, address, parseId(request.param("after"))).start(selection, Math.max(1, timeout));
        }
    }

    /**
     * Admits a subscriber to a place in the connection bounds (its streams per connection and its
     * address's subscribe rate were checked before its ticket). These refusals are answered in the
     * way the transport's clients understand: EventSource stops for good on any status but 200, so an SSE
     * client past a rate or connection bound gets 200 and a longer {@code retry:}; a WebSocket
     * gets a close code a page can read (1008 for too many streams, 1013 for the rate); long-poll
     * gets 429 or 503 with {@code Retry-After}. Too many streams is the request's own fault, so
     * SSE and long-poll get 400 for it, as for a bad stream name.
     *
     * @return whether the place was taken; the caller then releases it when the connection ends
     */
    private boolean admit(HostRequest request, String address, String transport) {
        String full = http.limiter().tryAcquire(address);
        if (full == null) {
            return true;
        }
        LOG.debug("Refusing {} connection from {}: {} reached", transport, address, full);
        http.metrics().refused(full.substring(0, full.indexOf('=')));
        long retry = http.settings().overloadRetryMillis();
        if ("sse".equals(transport)) {
            sseRetryLater(request);
        } else {
            plain(request, 503, "Too many connections (" + full + "); retry later", Map.of("Retry-After", Long.toString(retry / 1000)));
        }
        return false;
    }

    private boolean withinStreamBound(HostRequest request, StreamSelection selection, String transport) {
        int max = http.settings().limits().maxStreamsPerConnection();
        int named = selection.streams().size() + selection.channels().size();
        if (named <= max) {
            return true;
        }
        String reason = named + " streams named; at most maxStreamsPerConnection=" + max + " on one connection";
        LOG.debug("Refusing {} request: {}", transport, reason);
        http.metrics().refused("maxStreamsPerConnection");
        if ("websocket".equals(transport)) {
            refuseWebSocket(request, WebSocketCloseCodes.POLICY_VIOLATION, reason);
        } else {
            plain(request, 400, reason);
        }
        return false;
    }

    private boolean withinSubscribeRate(HostRequest request, String address, String transport) {
        long wait = subscribeRate.tryAcquire(address);
        if (wait == 0) {
            return true;
        }
        int rate = http.settings().limits().subscribeRatePerAddress();
        LOG.debug("Refusing {} subscribe from {}: subscribeRatePerAddress={} reached", transport, address, rate);
        http.metrics().refused("subscribeRatePerAddress");
        if ("sse".equals(transport)) {
            sseRetryLater(request);
        } else if ("websocket".equals(transport)) {
            refuseWebSocket(request, WebSocketCloseCodes.TRY_AGAIN_LATER, "subscribe rate over " + rate + "/s; retry later");
        } else {
            tooManyRequests(request, "Subscribe rate over subscribeRatePerAddress=" + rate + "/s", wait);
        }
        return false;
    }

    /** The answer to an SSE client that must come back later: 200, a longer {@code retry:}, the end. */
    private void sseRetryLater(HostRequest request) {
        EventStreamOutput out = request.openEventStream();
        out.write(SseEncoder.retry(SseConnection.jitter(http.settings().overloadRetryMillis())));
        out.end();
    }

    /** Completes the handshake only to close with a code, which a page can read (a refused handshake tells it nothing). */
    private static void refuseWebSocket(HostRequest request, short code, String reason) {
        request.upgradeToWebSocket(ws -> ws.close(code, reason),
                error -> LOG.debug("WebSocket handshake to refuse failed: {}", error.getMessage()));
    }

    private static void tooManyRequests(HostRequest request, String reason, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        plain(request, 429, reason + "; retry in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
    }

    private boolean withinPostRate(HostRequest request, String address) {
        long wait = postRate.tryAcquire(address);
        if (wait == 0) {
            return true;
        }
        http.metrics().refused("postRatePerAddress");
        tooManyRequests(request, "POST rate over postRatePerAddress=" + http.settings().limits().postRatePerAddress() + "/s", wait);
        return false;
    }

    private void post(HostRequest request, StreamSelection selection, String address) {
        if (!selection.single()) {
            plain(request, 400, "POST to one stream's URL, as in " + basePath() + "/<channel>/<stream>");
            return;
        }
        String stream = selection.streams().iterator().next();
        String channel = StreamNames.channelOf(stream);
        if (!http.upstream().hasConsumer(channel)) {
            plain(request, 405, "No route consumes messages of channel '" + channel + "'; add from(\"progress:" + channel + "\")",
                    Map.of("Allow", "GET"));
            return;
        }
        int max = http.settings().maxUpstreamMessageSize();
        String tooLarge = "Message larger than maxUpstreamMessageSize=" + max + " bytes";
        String length = request.header("Content-Length");
        if (length != null && length.trim().length() < 19 && length.trim().chars().allMatch(Character::isDigit)
                && Long.parseLong(length.trim()) > max) {
            plain(request, 413, tooLarge);
            return;
        }
        request.readBody(max, body -> deliver(request, stream, channel, address, new String(body, StandardCharsets.UTF_8)), () -> {
            plain(request, 413, tooLarge);
            request.closeConnection();
        });
    }

    /** Hands a POST to the channel's route and answers with what the route says. */
    private void deliver(HostRequest request, String stream, String channel, String address, String body) {
        String key = http.connections().newKey();
        // while the route runs, the POST is a connection it can answer by key like a WebSocket
        AtomicReference<EventDraft> direct = new AtomicReference<>();
        http.connections().add(key, direct::set);
        UpstreamMessage message = new UpstreamMessage(stream, key, "http", address, body, request.header("Content-Type"), null);
        http.metrics().upstream("http");
        http.upstream().deliver(channel, message).whenComplete((reply, error) -> request.loop().execute(() -> {
            http.connections().remove(key);
            if (request.finished()) {
                return;
            }
            if (error != null) {
                plain(request, 500, "The route failed: " + StreamNames.printable(error.getMessage()));
            } else if (direct.get() != null) {
                request.respond(200, Map.of("Content-Type", "application/json"),
                        JsonEventEncoder.direct(direct.get()).getBytes(StandardCharsets.UTF_8));
            } else if (reply.body() == null) {
                request.respond(reply.status(), Map.of(), new byte[0]);
            } else {
                request.respond(reply.status(), reply.contentType() == null ? Map.of() : Map.of("Content-Type", reply.contentType()),
                        reply.body().getBytes(StandardCharsets.UTF_8));
            }
        }));
    }

    /** The client's address: the peer's, or the one a trusted proxy forwarded. */
    private String addressOf(HostRequest request) {
        return proxies.clientAddress(request.peerAddress(), request.header("Forwarded"), request.header("X-Forwarded-For"));
    }

    /** The client's last id: the Last-Event-ID header, else {@code ?lastEventId=}; a malformed one counts as none. */
    private static EventId cursorOf(HostRequest request) {
        String text = request.header("Last-Event-ID");
        if (text == null || text.isEmpty()) {
            text = request.param("lastEventId");
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

    private void snapshot(HostRequest request, StreamSelection selection) {
        try {
            List<StreamSnapshot> found = http.hub().snapshot(selection.single() ? selection.streams() : streamsOf(selection));
            String body;
            if (selection.single()) {
                if (found.isEmpty()) {
                    plain(request, 404, "Unknown stream: " + selection);
                    return;
                }
                body = snapshots.single(found.get(0));
            } else {
                body = snapshots.many(found);
            }
            request.respond(200, JSON_HEADERS, body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.warn("Could not write snapshot of {}", selection, e);
            plain(request, 500, "Could not write snapshot: " + StreamNames.printable(e.getMessage()));
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

    private static int headerBytes(HostRequest request) {
        int bytes = request.uri().length();
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static void plain(HostRequest request, int status, String reason) {
        plain(request, status, reason, Map.of());
    }

    private static void plain(HostRequest request, int status, String reason, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(TEXT_HEADERS);
        headers.putAll(extraHeaders);
        request.respond(status, headers, (reason + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
