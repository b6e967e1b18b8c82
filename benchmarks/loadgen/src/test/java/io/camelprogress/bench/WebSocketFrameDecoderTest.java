package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketFrameDecoderTest {

    private final List<String> texts = new ArrayList<>();
    private final List<String> pings = new ArrayList<>();
    private final List<Integer> closes = new ArrayList<>();
    private String malformed;
    private final WebSocketFrameDecoder decoder = new WebSocketFrameDecoder(new WebSocketFrameDecoder.Listener() {
        @Override
        public void onText(byte[] data, int offset, int length) {
            texts.add(new String(data, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onPing(byte[] payload, int offset, int length) {
            pings.add(new String(payload, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(int code) {
            closes.add(code);
        }

        @Override
        public void onMalformed(String reason) {
            malformed = reason;
        }
    }, 200_000);

    /** A server frame as RFC 6455 section 5.2 lays it out; {@code mask} null for unmasked. */
    private static byte[] frame(boolean fin, int opcode, byte[] payload, byte[] mask) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        int n = payload.length;
        if (n < 126) {
            out.write(maskBit | n);
        } else if (n <= 0xffff) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n & 0xff);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) n >>> shift) & 0xff));
            }
        }
        if (mask != null) {
            out.writeBytes(mask);
        }
        for (int i = 0; i < n; i++) {
            out.write(mask == null ? payload[i] : payload[i] ^ mask[i & 3]);
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(char c, int n) {
        char[] chars = new char[n];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    private void feedByteByByte(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            decoder.feed(bytes, i, 1);
        }
    }

    private void feedWhole(byte[] bytes) {
        decoder.feed(bytes, 0, bytes.length);
    }

    @Test
    void unmaskedSevenBitFrameInOneRead() {
        feedWhole(frame(true, 0x1, text("{\"l\":0}"), null));

        assertEquals(List.of("{\"l\":0}"), texts);
        assertNull(malformed);
    }

    @Test
    void maskedFrameIsUnmasked() {
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        feedWhole(frame(true, 0x1, text("Hello"), mask));
        // the example of RFC 6455 section 5.7, byte for byte
        byte[] rfcExample = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        feedWhole(rfcExample);

        assertEquals(List.of("Hello", "Hello"), texts);
    }

    @Test
    void sixteenBitLengthSplitAnywhere() {
        String payload = repeat('a', 300);
        feedByteByByte(frame(true, 0x1, text(payload), null));
        feedWhole(frame(true, 0x1, text(repeat('b', 65_535)), null));

        assertEquals(List.of(payload, repeat('b', 65_535)), texts);
    }

    @Test
    void sixtyFourBitLengthMaskedAndUnmasked() {
        String payload = repeat('z', 70_000);
        feedWhole(frame(true, 0x1, text(payload), null));
        byte[] masked = frame(true, 0x1, text(payload), new byte[] {1, 2, 3, 4});
        decoder.feed(masked, 0, 5);
        decoder.feed(masked, 5, masked.length - 5);

        assertEquals(List.of(payload, payload), texts);
    }

    @Test
    void fragmentedMessageWithPingBetweenFragmentsIsJoined() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(false, 0x1, text("{\"l\":1,"), null));
        stream.writeBytes(frame(true, 0x9, text("hb"), null));
        stream.writeBytes(frame(false, 0x0, text("\"seq\":"), new byte[] {9, 8, 7, 6}));
        stream.writeBytes(frame(true, 0x0, text("5}"), null));
        stream.writeBytes(frame(true, 0x1, text("next"), null));
        feedByteByByte(stream.toByteArray());

        assertEquals(List.of("{\"l\":1,\"seq\":5}", "next"), texts);
        assertEquals(List.of("hb"), pings);
        assertNull(malformed);
    }

    @Test
    void pingAndEmptyPingAndCloseWithAndWithoutCode() {
        feedWhole(frame(true, 0x9, text("abc"), null));
        feedWhole(frame(true, 0x9, new byte[0], null));
        feedWhole(frame(true, 0x8, new byte[] {0x03, (byte) 0xf0, 'b', 'y', 'e'}, null));
        feedWhole(frame(true, 0x8, new byte[0], null));

        assertEquals(List.of("abc", ""), pings);
        assertEquals(List.of(1008, -1), closes);
    }

    @Test
    void clientFramesAreMaskedAndDecodeBack() {
        byte[] payload = text(repeat('q', 200));
        byte[] frame = WebSocketHandshake.clientFrame(WebSocketFrameDecoder.OP_TEXT, payload, 0, payload.length, 0x01020304);

        assertEquals(0x81, frame[0] & 0xff);
        assertEquals(0x80 | 126, frame[1] & 0xff);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(frame, 4, 8));
        assertEquals('q' ^ 1, frame[8]);
        feedWhole(frame);
        assertEquals(List.of(repeat('q', 200)), texts);
    }

    @Test
    void handshakeAcceptMatchesTheRfcExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.expectedAccept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void reservedBitsAreRefused() {
        feedWhole(new byte[] {(byte) 0xC1, 0x01, 'x'});

        assertEquals("reserved bits set without a negotiated extension", malformed);
        assertEquals(List.of(), texts);
    }

    @Test
    void continuationWithoutStartIsRefused() {
        feedWhole(frame(true, 0x0, text("x"), null));
        assertEquals("continuation frame without a message to continue", malformed);
    }

    @Test
    void fragmentedControlFrameIsRefused() {
        feedWhole(frame(false, 0x9, text("x"), null));
        assertEquals("fragmented control frame", malformed);
    }

    @Test
    void oversizedMessageIsRefusedBeforeItIsBuffered() {
        byte[] header = {(byte) 0x81, 127, 0, 0, 0, 0, 0, 0x10, 0, 0};
        feedWhole(header);

        assertEquals("message of more than 200000 bytes", malformed);
    }
}
