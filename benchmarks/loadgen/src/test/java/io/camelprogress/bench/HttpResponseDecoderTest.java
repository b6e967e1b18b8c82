package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseDecoderTest {

    private int status = -1;
    private final StringBuilder body = new StringBuilder();
    private String malformed;
    private final List<String> heads = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(new HttpResponseDecoder.Listener() {
        @Override
        public void onHead(int code) {
            status = code;
            heads.add(Integer.toString(code));
        }

        @Override
        public void onHeader(String name, String value) {
            heads.add(name + "=" + value);
        }

        @Override
        public void onEnd() {
            ends.add(body.toString());
        }

        @Override
        public void onBody(byte[] bytes, int offset, int length) {
            body.append(new String(bytes, offset, length, StandardCharsets.US_ASCII));
        }

        @Override
        public void onMalformed(String reason) {
            malformed = reason;
        }
    });

    @Test
    void removesChunkFramingEvenWhenSplitAnywhere() {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n";
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i += 3) {
            decoder.feed(bytes, i, Math.min(3, bytes.length - i));
        }

        assertEquals(200, status);
        assertEquals("helloabcdefghijklmnopqrstuvwxyz", body.toString());
        assertEquals(null, malformed);
    }

    @Test
    void passesIdentityBodyThrough() {
        byte[] bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: x\n\n"
                .getBytes(StandardCharsets.US_ASCII);
        decoder.feed(bytes, 0, bytes.length);

        assertEquals(200, status);
        assertEquals("data: x\n\n", body.toString());
    }

    @Test
    void reportsGarbageStatusLine() {
        byte[] bytes = "SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII);
        decoder.feed(bytes, 0, bytes.length);

        assertEquals("bad status line", malformed);
    }

    @Test
    void decodesKeepAliveResponsesOneAfterAnother() {
        String responses = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nEtag: 7\r\n\r\nhello"
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nxy";
        byte[] bytes = responses.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            decoder.feed(bytes, i, 1);
        }

        assertEquals(List.of("Content-Length=5", "Etag=7", "200", "204",
                "Transfer-Encoding=chunked", "200", "content-length=2", "200"), heads);
        assertEquals(List.of("hello", "hello", "helloabc", "helloabcxy"), ends);
        assertEquals(null, malformed);
    }

    @Test
    void handsOnEverythingAfterASwitchingProtocolsHead() {
        byte[] bytes = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0001x"
                .getBytes(StandardCharsets.ISO_8859_1);
        decoder.feed(bytes, 0, bytes.length);

        assertEquals(101, status);
        // the two frame header bytes and the payload, whatever they look like as text
        assertEquals(3, body.length());
        assertEquals('x', body.charAt(2));
        assertEquals(List.of(), ends);
    }
}
