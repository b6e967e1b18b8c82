package io.camelprogress.transport;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a WebSocket upgrade request against RFC 6455 4.2.1 before the host completes the
 * handshake, whichever host it is: the hosts' own libraries accept keys that are not keys and
 * protocol drafts older than version 13.
 */
final class WebSocketHandshake {

    /** Bytes a key stands for: a key is the base64 of 16 bytes, 24 characters. */
    private static final int KEY_BYTES = 16;

    private WebSocketHandshake() {
    }

    /** Why an upgrade request is refused: the status, a one-line reason and headers to send. */
    record Refusal(int status, String reason, Map<String, String> headers) {
    }

    /** The refusal of a request that is not a well-formed version 13 upgrade, or null for one that is. */
    static Refusal check(HostRequest request) {
        if (!hasToken(request.header("Connection"), "upgrade")) {
            return new Refusal(400, "A WebSocket handshake needs 'Connection: Upgrade'", Map.of());
        }
        if (!"13".equals(trim(request.header("Sec-WebSocket-Version")))) {
            // RFC 6455 4.4: name the version this server speaks
            return new Refusal(426, "Only WebSocket version 13 is supported", Map.of("Sec-WebSocket-Version", "13"));
        }
        if (!isKey(trim(request.header("Sec-WebSocket-Key")))) {
            return new Refusal(400, "Sec-WebSocket-Key must be the base64 encoding of 16 bytes", Map.of());
        }
        return null;
    }

    private static boolean isKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasToken(String header, String token) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
