package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of the RFC 6455 opening handshake and of client-to-server framing: every frame a
 * client sends is masked (section 5.3), with a fresh key per frame.
 */
final class WebSocketHandshake {

    /** The GUID that section 1.3 appends to the key before hashing. */
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketHandshake() {
    }

    /** A random {@code Sec-WebSocket-Key}: 16 bytes, base64. */
    static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer to {@code key}. */
    static String expectedAccept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** The upgrade request for {@code path}. */
    static String request(SubscribeTarget target, String path, String key) {
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + target.host() + ':' + target.port() + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    /**
     * A masked client frame.
     *
     * @param opcode  frame opcode ({@link WebSocketFrameDecoder#OP_PONG}, {@code OP_CLOSE}, …)
     * @param payload bytes to send
     * @param offset  first payload byte
     * @param length  payload length
     * @param maskKey the four mask bytes as an int, most significant first
     * @return the frame, FIN set
     */
    static byte[] clientFrame(int opcode, byte[] payload, int offset, int length, int maskKey) {
        int extended = length < 126 ? 0 : length <= 0xffff ? 2 : 8;
        byte[] frame = new byte[2 + extended + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        int pos = 2;
        if (extended == 0) {
            frame[1] = (byte) (0x80 | length);
        } else if (extended == 2) {
            frame[1] = (byte) (0x80 | 126);
            frame[pos++] = (byte) (length >>> 8);
            frame[pos++] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[pos++] = (byte) ((long) length >>> shift);
            }
        }
        byte[] mask = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        System.arraycopy(mask, 0, frame, pos, 4);
        pos += 4;
        for (int i = 0; i < length; i++) {
            frame[pos + i] = (byte) (payload[offset + i] ^ mask[i & 3]);
        }
        return frame;
    }

    /** A masked client frame with a random key (the key only has to be unpredictable to intermediaries). */
    static byte[] clientFrame(int opcode, byte[] payload, int offset, int length) {
        return clientFrame(opcode, payload, offset, length, ThreadLocalRandom.current().nextInt());
    }

    /** A masked close frame with a status code. */
    static byte[] closeFrame(int code) {
        return clientFrame(WebSocketFrameDecoder.OP_CLOSE, new byte[] {(byte) (code >>> 8), (byte) code}, 0, 2);
    }
}
