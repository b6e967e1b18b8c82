package io.camelprogress.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Set;


/**
 * Guards WebSocket handshakes and POSTs against cross-site use (cross-site WebSocket hijacking,
 * forged "cancel" requests): a browser's {@code Origin} must be the server's own or an allowed one.
 * Requests without {@code Origin} come from non-browser clients and pass.
 */
final class OriginPolicy {

    private final Set<String> allowed;
    private final boolean any;

    OriginPolicy(Set<String> allowedOrigins) {
        this.allowed = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        this.any = allowed.contains("*");
    }

    /**
     * @param origin the request's {@code Origin} header, or null
     * @param host   its {@code Host} header, or null
     */
    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (origin.equals("null")) {
            // sandboxed frames and file: pages: anyone can make one, so no list may stand for it
            return false;
        }
        if (any || allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
