package io.camelprogress.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Server text frames to the byte (RFC 6455 §5.2): FIN and opcode 1, no mask, the three length forms. */
class WebSocketFramesTest {

    private static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    private static byte[] concat(byte[] head, byte[] payload) {
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    @Test
    void shortPayloadHasASevenBitLength() {
        assertArrayEquals(new byte[] { (byte) 0x81, 2, 'h', 'i' }, bytes(WebSocketFrames.text("hi".getBytes(StandardCharsets.UTF_8))));
        assertArrayEquals(new byte[] { (byte) 0x81, 0 }, bytes(WebSocketFrames.text(new byte[0])));
        byte[] p125 = new byte[125];
        assertArrayEquals(concat(new byte[] { (byte) 0x81, 125 }, p125), bytes(WebSocketFrames.text(p125)));
    }

    @Test
    void from126To65535BytesASixteenBitLength() {
        byte[] p126 = new byte[126];
        assertArrayEquals(concat(new byte[] { (byte) 0x81, 126, 0, 126 }, p126), bytes(WebSocketFrames.text(p126)));
        byte[] p65535 = new byte[65535];
        assertArrayEquals(concat(new byte[] { (byte) 0x81, 126, (byte) 0xFF, (byte) 0xFF }, p65535), bytes(WebSocketFrames.text(p65535)));
    }

    @Test
    void longerASixtyFourBitLength() {
        byte[] p65536 = new byte[65536];
        assertArrayEquals(concat(new byte[] { (byte) 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0 }, p65536), bytes(WebSocketFrames.text(p65536)));
    }

    @Test
    void anEventIsEncodedOnceAsTheJsonFrameItsClientsParse() {
        Event event = new Event(new EventId("k3f9", 41), new EventDraft("uploads/job42", "progress", "{\"percent\":30}", true, false), 0);
        ByteBuf frame = event.webSocketFrame();
        assertSame(frame, event.webSocketFrame(), "encoded once, shared by every subscriber");
        byte[] json = "{\"id\":\"k3f9-41\",\"event\":\"progress\",\"stream\":\"uploads/job42\",\"data\":{\"percent\":30}}"
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(concat(new byte[] { (byte) 0x81, (byte) json.length }, json), bytes(frame));
        ByteBuf written = frame.duplicate();
        written.release();
        assertEquals(json.length + 2, frame.readableBytes(), "a write releasing its duplicate leaves the shared frame whole");
    }

    @Test
    void aResetIsTheSameJsonShapeOverWebSocket() {
        ResetNotice reset = new ResetNotice(List.of("up/1"), ResetNotice.LAGGED, new EventId("k3f9", 7));
        byte[] json = "{\"event\":\"reset\",\"data\":{\"streams\":[\"up/1\"],\"reason\":\"lagged\"}}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(concat(new byte[] { (byte) 0x81, (byte) json.length }, json), bytes(reset.webSocketFrame()));
    }

    @Test
    void httpChunkFramingOfSeveralParts() {
        ByteBuf chunk = HttpChunks.frame(Unpooled.buffer().alloc(),
                List.of(Unpooled.copiedBuffer("ab", StandardCharsets.US_ASCII), Unpooled.copiedBuffer("0123456789abcdef", StandardCharsets.US_ASCII)));
        assertEquals("12\r\nab0123456789abcdef\r\n", chunk.toString(StandardCharsets.US_ASCII));
    }
}
