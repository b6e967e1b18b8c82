package io.camelprogress.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain socket that writes whatever frames a test builds, valid or not,
 * and reads back the server's frames byte by byte: for the protocol tests that no well-behaved
 * client library would let one write.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    /** RSV bits as the {@code rsv} argument of {@link #send} takes them, the frame's first byte shifted right by 4. */
    public static final int RSV1 = 4;
    public static final int RSV2 = 2;
    public static final int RSV3 = 1;
    /** A standard key: the base64 of 16 bytes. */
    public static final String GOOD_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String closeReason;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:port with a read timeout, so that every read in a test is bounded. */
    public static RawWebSocket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return new RawWebSocket(socket);
    }

    /** Connects and completes a standard handshake for the path, failing unless the server answers 101. */
    public static RawWebSocket open(int port, String path) throws IOException {
        RawWebSocket ws = connect(port);
        Response response = ws.handshake(path, standardHeaders());
        if (response.status() != 101) {
            ws.close();
            throw new AssertionError("Expected 101 for " + path + ", got " + response.status() + " " + response.headers());
        }
        return ws;
    }

    /** The headers of a well-formed upgrade request, to change one at a time. */
    public static Map<String, String> standardHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1");
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", GOOD_KEY);
        headers.put("Sec-WebSocket-Version", "13");
        return headers;
    }

    /** Sends an upgrade request (a header with a null value is left out) and reads the response head. */
    public Response handshake(String path, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (value != null) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readHead();
    }

    private Response readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed in the response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(status, headers);
    }

    /** Writes one masked frame. */
    public void send(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        sendFrame(fin, rsv, opcode, payload, true);
    }

    /** Writes one frame, masked or not (a client must mask), with any RSV bits (0 to 7) and any opcode. */
    public void sendFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0F);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(maskBit | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift) & 0xFF);
            }
        }
        byte[] body = payload;
        if (masked) {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask, 0, 4);
            body = new byte[payload.length];
            for (int i = 0; i < payload.length; i++) {
                body[i] = (byte) (payload[i] ^ mask[i & 3]);
            }
        }
        frame.write(body, 0, body.length);
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            // the server may close while a large frame is still being written; what it sent is still to be read
        }
    }

    /** Sends a text frame with a payload of raw bytes (not necessarily UTF-8). */
    public void sendText(byte[] payload) throws IOException {
        send(true, 0, TEXT, payload);
    }

    /** Sends a close frame with the code and no reason. */
    public void sendClose(int code) throws IOException {
        send(true, 0, CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /** The next frame from the server, or null when the server closed the TCP connection instead. */
    public Frame readFrame() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No frame and no close from the server within " + socket.getSoTimeout() + " ms");
        } catch (IOException e) {
            return null;
        }
        if (first < 0) {
            return null;
        }
        int second = readByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = (long) readByte() << 8 | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = length << 8 | readByte();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("Connection closed inside a frame");
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("Connection closed inside a frame header");
        }
        return b;
    }

    /**
     * Reads frames until the server's close frame and returns its code, or fails when the TCP
     * connection ends without one.
     */
    public int awaitCloseCode() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame == null) {
                throw new AssertionError("The server closed the TCP connection without a close frame");
            }
            if (frame.opcode() == CLOSE) {
                closeReason = frame.payload().length > 2 ? new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8) : "";
                return frame.closeCode();
            }
        }
    }

    /** The reason of the close frame {@link #awaitCloseCode()} read. */
    public String closeReason() {
        return closeReason;
    }

    /** Whether the server ends the TCP connection (after any frames it still sends) within the read timeout. */
    public boolean awaitTcpClose() throws IOException {
        while (true) {
            try {
                if (readFrame() == null) {
                    return true;
                }
            } catch (EOFException e) {
                return true;
            } catch (AssertionError e) {
                return false;
            }
        }
    }

    /** Shortens the read timeout, for asserting that nothing comes. */
    public void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response head. */
    public record Response(int status, Map<String, String> headers) {
    }

    /** A frame from the server. */
    public record Frame(boolean fin, int opcode, byte[] payload) {

        /** The close code of a close frame; 1005 (no code) for an empty one. */
        public int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }
}
