package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseDecoderTest {

    private int status = -1;
    private final StringBuilder body = new StringBuilder();
    private String malformed;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(new HttpResponseDecoder.Listener() {
        @Override
        public void onHead(int code) {
            status = code;
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
}
