package io.camelprogress.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lets pages of the allowed origins read streams and POST across origins (CORS): an allowed
 * {@code Origin} is echoed in {@code Access-Control-Allow-Origin}, with credentials when
 * {@code allowCredentials}; other origins get no CORS header, so their pages cannot read the answer.
 * A preflight of a POST (or of a GET with headers such as {@code Authorization}) is answered here.
 */
final class CorsPolicy {

    /** Request headers a page may send: what the client and EventSource polyfills use. */
    private static final Set<String> ALLOWED_HEADERS = Set.of("accept", "authorization", "cache-control", "content-type",
            "last-event-id", "x-requested-with");
    private static final String PREFLIGHT_MAX_AGE = "600";

    private final OriginPolicy origins;
    private final boolean allowCredentials;

    CorsPolicy(OriginPolicy origins, boolean allowCredentials) {
        this.origins = origins;
        this.allowCredentials = allowCredentials;
    }

    /** Adds the CORS headers an answer to this request carries, if it comes from an allowed page. */
    void apply(HostRequest request) {
        // whatever the request, so that a cache never serves one origin's grant to another
        request.addResponseHeader("Vary", "Origin");
        String origin = request.header("Origin");
        if (origin == null) {
            return;
        }
        if (origins.allows(origin, request.header("Host"))) {
            request.addResponseHeader("Access-Control-Allow-Origin", origin);
            if (allowCredentials) {
                request.addResponseHeader("Access-Control-Allow-Credentials", "true");
            }
        }
    }

    /**
     * Answers an OPTIONS request: a preflight from an allowed origin for GET or POST with allowed
     * headers gets 204 and the grants; any other preflight gets 403 without them.
     */
    void preflight(HostRequest request) {
        String origin = request.header("Origin");
        String method = request.header("Access-Control-Request-Method");
        if (origin == null || method == null) {
            request.respond(204, Map.of("Allow", "GET, POST, OPTIONS"), new byte[0]);
            return;
        }
        request.addResponseHeader("Vary", "Origin");
        List<String> asked = requestedHeaders(request.header("Access-Control-Request-Headers"));
        boolean allowed = origins.allows(origin, request.header("Host")) && ("GET".equals(method) || "POST".equals(method))
                && ALLOWED_HEADERS.containsAll(asked);
        if (!allowed) {
            request.respond(403, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "This origin, method or header is not allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.addResponseHeader("Access-Control-Allow-Origin", origin);
        if (allowCredentials) {
            request.addResponseHeader("Access-Control-Allow-Credentials", "true");
        }
        request.addResponseHeader("Access-Control-Allow-Methods", "GET, POST");
        if (!asked.isEmpty()) {
            request.addResponseHeader("Access-Control-Allow-Headers", String.join(", ", asked));
        }
        request.addResponseHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
        request.respond(204, Map.of(), new byte[0]);
    }

    private static List<String> requestedHeaders(String header) {
        List<String> names = new ArrayList<>();
        if (header != null) {
            for (String name : header.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
        }
        return names;
    }
}
