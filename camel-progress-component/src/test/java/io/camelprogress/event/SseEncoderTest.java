package io.camelprogress.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEncoderTest {

    private static void assertBytes(String expected, Buffer actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(),
                () -> "expected <" + expected + "> but was <" + actual.toString(StandardCharsets.UTF_8) + ">");
    }

    @Test
    void idEventAndData() {
        assertBytes("id: k3f9-41\nevent: progress\ndata: {\"percent\":30}\n\n",
                SseEncoder.event("k3f9-41", "progress", "{\"percent\":30}"));
    }

    @Test
    void withoutIdOrName() {
        assertBytes("data: hello\n\n", SseEncoder.event(null, null, "hello"));
    }

    @Test
    void multiLineDataWithLf() {
        assertBytes("id: a-1\nevent: log\ndata: one\ndata: two\ndata: three\n\n",
                SseEncoder.event("a-1", "log", "one\ntwo\nthree"));
    }

    @Test
    void crAndCrlfInsideDataBecomeSeparateLines() {
        assertBytes("data: a\ndata: b\ndata: c\ndata: d\n\n", SseEncoder.event(null, null, "a\rb\r\nc\nd"));
    }

    @Test
    void blankLinesInsideDataSurvive() {
        assertBytes("data: a\ndata:\ndata: b\n\n", SseEncoder.event(null, null, "a\n\nb"));
        assertBytes("data: a\ndata:\n\n", SseEncoder.event(null, null, "a\n"));
        assertBytes("data:\ndata:\n\n", SseEncoder.event(null, null, "\r\n"));
    }

    @Test
    void emptyData() {
        assertBytes("id: a-2\nevent: ping\ndata:\n\n", SseEncoder.event("a-2", "ping", ""));
    }

    @Test
    void leadingSpaceOfDataIsKeptBehindTheSeparatorSpace() {
        assertBytes("data:  indented\n\n", SseEncoder.event(null, null, " indented"));
    }

    @Test
    void unicodeIsUtf8WithoutBom() {
        Buffer encoded = SseEncoder.event("e-3", "progress", "héllo — 日本 🚀");
        assertBytes("id: e-3\nevent: progress\ndata: héllo — 日本 🚀\n\n", encoded);
        assertEquals('i', encoded.getByte(0));
        byte[] rocket = "🚀".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, rocket.length);
        assertTrue(encoded.toString(StandardCharsets.UTF_8).contains("🚀"));
    }

    @Test
    void heartbeat() {
        assertBytes(": hb\n\n", SseEncoder.heartbeat());
    }

    @Test
    void retry() {
        assertBytes("retry: 3000\n\n", SseEncoder.retry(3000));
        assertBytes("retry: 0\n\n", SseEncoder.retry(0));
        assertThrows(IllegalArgumentException.class, () -> SseEncoder.retry(-1));
    }

    @Test
    void reset() {
        assertBytes("event: reset\ndata: {\"streams\":[\"uploads/job42\"],\"reason\":\"gap\"}\n\n",
                SseEncoder.reset(List.of("uploads/job42"), "gap"));
        assertBytes("event: reset\ndata: {\"streams\":[\"a\",\"b/1\"],\"reason\":\"epoch\"}\n\n",
                SseEncoder.reset(List.of("a", "b/1"), "epoch"));
    }

    @Test
    void idAndNameWithLineBreaksOrNulAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SseEncoder.event("a\n1", "x", ""));
        assertThrows(IllegalArgumentException.class, () -> SseEncoder.event("a-1", "x\ry", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SseEncoder.event("a-1", "x\0", ""));
        assertTrue(e.getMessage().contains("\\u0000"), e.getMessage());
    }

    @Test
    void encodedBuffersCanBeWrittenManyTimes() {
        Buffer encoded = SseEncoder.event("a-1", "progress", "x");
        Buffer copy = Buffer.buffer().appendBuffer(encoded).appendBuffer(encoded);
        assertBytes("id: a-1\nevent: progress\ndata: x\n\nid: a-1\nevent: progress\ndata: x\n\n", copy);
        assertBytes("id: a-1\nevent: progress\ndata: x\n\n", encoded);
    }
}
