package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<String> events = new ArrayList<>();
    private final List<Long> retries = new ArrayList<>();
    private int comments;
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(byte[] data, int dataLength) {
            events.add(new String(data, 0, dataLength, StandardCharsets.UTF_8));
        }

        @Override
        public void onComment() {
            comments++;
        }

        @Override
        public void onRetry(long millis) {
            retries.add(millis);
        }
    });

    @Test
    void parsesFieldsCommentsAndRetryFedOneByteAtATime() {
        feedByteByByte("retry: 3000\r\n\r\n: hb\n\nid: k3-41\nevent: progress\ndata: a\ndata:b\r\n\r\n");

        assertEquals(List.of("a\nb"), events);
        assertEquals(List.of(3000L), retries);
        assertEquals(1, comments);
        assertEquals("k3-41", parser.lastEventId());
    }

    @Test
    void crlfSplitAcrossFeedsIsOneLineEnd() {
        byte[] first = "data: x\r".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "\n\r\n".getBytes(StandardCharsets.US_ASCII);
        parser.feed(first, 0, first.length);
        parser.feed(second, 0, second.length);

        assertEquals(List.of("x"), events);
    }

    @Test
    void eventWithoutDataIsNotDispatched() {
        feedByteByByte("id: 7\nevent: progress\n\n");

        assertEquals(List.of(), events);
        assertEquals("7", parser.lastEventId());
    }

    @Test
    void payloadReaderFindsLaneSequenceAndTime() {
        byte[] body = Payload.encode(3, 123456, -42, 100);
        Payload.Reader reader = new Payload.Reader();

        assertEquals(100, body.length);
        assertEquals(true, reader.read(body, body.length));
        assertEquals(3, reader.lane());
        assertEquals(123456, reader.seq());
        assertEquals(-42, reader.nanos());
    }

    private void feedByteByByte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }
    }
}
