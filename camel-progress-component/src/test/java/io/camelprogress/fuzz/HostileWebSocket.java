package io.camelprogress.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile WebSocket sessions from a seeded {@link Random}: a handshake (now and then a broken one), then
 * frames with broken lengths, reserved opcodes and bits, missing masks, bad fragments, control frames too long,
 * invalid UTF-8, messages too big and close frames with invalid codes. Each session says what RFC 6455 makes the
 * server owe it ({@link Expect}).
 */
final class HostileWebSocket {

    /** What the server owes the session once its frames are sent. */
    enum Expect {
        /** The connection stays usable: the server closes nothing. */
        STAYS_OPEN(0),
        /** A clean close: the server answers the client's close frame and ends the connection. */
        NORMAL_CLOSE(1000),
        /** Fail the connection: close frame 1002, then the end. */
        PROTOCOL_ERROR(1002),
        /** A binary message, which this server does not take: close 1003. */
        UNSUPPORTED(1003),
        /** Text that is not UTF-8: close 1007. */
        INVALID_DATA(1007),
        /** A message over the bound: close 1009. */
        TOO_BIG(1009),
        /** A handshake that must be refused: no 101. */
        REFUSED_HANDSHAKE(0),
        /** The client vanishes mid-frame: nothing is owed but that the server lets go of it. */
        NOTHING(0);

        final int closeCode;

        Expect(int closeCode) {
            this.closeCode = closeCode;
        }
    }

    /** One session: the handshake, the frames after it, and what is owed. */
    record Session(String label, byte[] handshake, List<byte[]> frames, Expect expect, boolean vanish) {
    }

    private static final int TEXT = 1;
    private static final int BINARY = 2;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;
    private static final int CONTINUATION = 0;

    private final Random random;
    private final int maxMessage;

    /** @param maxMessage the server's {@code maxUpstreamMessageSize} */
    HostileWebSocket(Random random, int maxMessage) {
        this.random = random;
        this.maxMessage = maxMessage;
    }

    Session next() {
        String stream = pick("up/a", "up/b", "up/*", "up/steady", "up/ws" + random.nextInt(5));
        int dice = random.nextInt(100);
        if (dice < 8) {
            String[] bad = pick(new String[] {"bad key", "Sec-WebSocket-Key: bad"}, new String[] {"no key", null},
                    new String[] {"empty key", "Sec-WebSocket-Key: "}, new String[] {"version 8", "Sec-WebSocket-Version: 8"},
                    new String[] {"key of 15 bytes", "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[15])});
            return new Session("handshake " + bad[0], handshake(stream, bad[1]), List.of(), Expect.REFUSED_HANDSHAKE, false);
        }
        List<byte[]> frames = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            frames.add(frame(true, 0, TEXT, true, utf8("{\"hello\":" + random.nextInt(100) + "}")));
        }
        String label;
        Expect expect;
        switch (random.nextInt(22)) {
            case 0 -> {
                int opcode = pick(3, 4, 5, 6, 7, 11, 12, 13, 14, 15);
                label = "reserved opcode " + opcode;
                frames.add(frame(true, 0, opcode, true, randomBytes(random.nextInt(20))));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 1 -> {
                int rsv = 1 + random.nextInt(7);
                label = "RSV bits " + rsv;
                frames.add(frame(true, rsv, TEXT, true, utf8("{}")));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 2 -> {
                label = "unmasked text frame";
                frames.add(frame(true, 0, TEXT, false, utf8("{}")));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 3 -> {
                label = "continuation without a start";
                frames.add(frame(true, 0, CONTINUATION, true, utf8("x")));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 4 -> {
                label = "new text message inside a fragmented one";
                frames.add(frame(false, 0, TEXT, true, utf8("{\"a\":")));
                frames.add(frame(true, 0, TEXT, true, utf8("1}")));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 5 -> {
                label = "fragmented ping";
                frames.add(frame(false, 0, PING, true, utf8("p")));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 6 -> {
                int opcode = pick(PING, PONG, CLOSE);
                label = "control frame (" + opcode + ") of 126+ bytes";
                byte[] payload = randomBytes(126 + random.nextInt(200));
                if (opcode == CLOSE) {
                    payload[0] = 0x03;
                    payload[1] = (byte) 0xe8;
                }
                frames.add(frame(true, 0, opcode, true, payload));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 7 -> {
                label = "64-bit length with the top bit set";
                frames.add(header(true, 0, TEXT, true, 127, 0x8000_0000_0000_0000L | random.nextInt(100)));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 8 -> {
                label = "invalid UTF-8 in a text frame";
                frames.add(frame(true, 0, TEXT, true, pick(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff},
                        new byte[] {'{', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '}'}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})));
                expect = Expect.INVALID_DATA;
            }
            case 9 -> {
                label = "one text frame over maxUpstreamMessageSize";
                frames.add(frame(true, 0, TEXT, true, utf8("x".repeat(maxMessage + 1 + random.nextInt(40_000)))));
                expect = Expect.TOO_BIG;
            }
            case 10 -> {
                label = "fragments adding up to more than maxUpstreamMessageSize";
                int part = maxMessage / 3 + 1;
                frames.add(frame(false, 0, TEXT, true, utf8("x".repeat(part))));
                frames.add(frame(false, 0, CONTINUATION, true, utf8("x".repeat(part))));
                frames.add(frame(false, 0, CONTINUATION, true, utf8("x".repeat(part))));
                frames.add(frame(true, 0, CONTINUATION, true, utf8("x".repeat(part))));
                expect = Expect.TOO_BIG;
            }
            case 11 -> {
                int code = pick(0, 1, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535);
                label = "close with invalid code " + code;
                frames.add(frame(true, 0, CLOSE, true, new byte[] {(byte) (code >> 8), (byte) code}));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 12 -> {
                label = "close with a one-byte payload";
                frames.add(frame(true, 0, CLOSE, true, new byte[] {3}));
                expect = Expect.PROTOCOL_ERROR;
            }
            case 13 -> {
                int code = pick(1000, 1001, 3000, 4000, 4999);
                label = "close " + code;
                frames.add(frame(true, 0, CLOSE, true, concat(new byte[] {(byte) (code >> 8), (byte) code}, utf8("bye"))));
                expect = Expect.NORMAL_CLOSE;
            }
            case 14 -> {
                label = "close with invalid UTF-8 reason";
                frames.add(frame(true, 0, CLOSE, true, new byte[] {0x03, (byte) 0xe8, (byte) 0xff, (byte) 0xfe}));
                expect = Expect.INVALID_DATA;
            }
            case 15 -> {
                label = "binary message";
                frames.add(frame(true, 0, BINARY, true, randomBytes(1 + random.nextInt(50))));
                expect = Expect.UNSUPPORTED;
            }
            case 16 -> {
                label = "ping, pong and a fragmented message with a ping inside";
                frames.add(frame(true, 0, PING, true, randomBytes(random.nextInt(125))));
                frames.add(frame(true, 0, PONG, true, randomBytes(random.nextInt(20))));
                frames.add(frame(false, 0, TEXT, true, utf8("{\"a\":")));
                frames.add(frame(true, 0, PING, true, utf8("mid")));
                frames.add(frame(true, 0, CONTINUATION, true, utf8("1}")));
                expect = Expect.STAYS_OPEN;
            }
            case 17 -> {
                label = "text that is not JSON, empty, or hostile JSON";
                frames.add(frame(true, 0, TEXT, true, utf8(pick("not json", "", "[" + "[".repeat(5_000), "{\"data\":\"\\u0000\"}",
                        "{\"stream\":\"../x\",\"event\":\"\\n\\ndata: injected\"}", "\u2028"))));
                expect = Expect.STAYS_OPEN;
            }
            case 18 -> {
                label = "length shorter than the bytes that follow";
                byte[] payload = utf8("{\"a\":1}xxxxxxxx");
                byte[] frame = frame(true, 0, TEXT, true, payload);
                frame[1] = (byte) (0x80 | 3);
                frames.add(frame);
                expect = Expect.NOTHING;
            }
            case 19 -> {
                label = "length longer than the bytes sent, then gone";
                frames.add(java.util.Arrays.copyOf(frame(true, 0, TEXT, true, utf8("x".repeat(200))), 20 + random.nextInt(150)));
                return new Session(label, handshake(stream, ""), frames, Expect.NOTHING, true);
            }
            case 20 -> {
                label = "16-bit length used for a short frame";
                frames.add(concat(header(true, 0, TEXT, true, 126, 2), new byte[] {1, 2, 3, 4, 0x7a ^ 1, 0x7d ^ 2}));
                expect = Expect.NOTHING;
            }
            default -> {
                label = "random bytes after the handshake";
                frames.add(randomBytes(1 + random.nextInt(300)));
                expect = Expect.NOTHING;
            }
        }
        return new Session(label, handshake(stream, ""), frames, expect, random.nextInt(15) == 0);
    }

    /** A handshake; {@code keyLine} replaces the key line ("" for a good key, null for none). */
    private byte[] handshake(String stream, String keyLine) {
        String key = "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(randomBytes(16));
        StringBuilder request = new StringBuilder("GET /progress/").append(stream).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
        if (keyLine != null) {
            request.append(keyLine.isEmpty() ? key : keyLine).append("\r\n");
        }
        if (keyLine == null || !keyLine.startsWith("Sec-WebSocket-Version")) {
            request.append("Sec-WebSocket-Version: 13\r\n");
        }
        return utf8(request.append("\r\n").toString());
    }

    private byte[] frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        int length = payload.length;
        int code = length < 126 ? length : length < 65_536 ? 126 : 127;
        byte[] head = header(fin, rsv, opcode, masked, code, length);
        if (!masked) {
            return concat(head, payload);
        }
        byte[] mask = java.util.Arrays.copyOfRange(head, head.length - 4, head.length);
        byte[] body = payload.clone();
        for (int i = 0; i < body.length; i++) {
            body[i] ^= mask[i % 4];
        }
        return concat(head, body);
    }

    /** A frame's header with its length field as given ({@code code} 0-125, 126 or 127, then {@code length}). */
    private byte[] header(boolean fin, int rsv, int opcode, boolean masked, int code, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        out.write((masked ? 0x80 : 0) | (code < 126 ? (int) length : code));
        if (code == 126) {
            out.write((int) (length >> 8));
            out.write((int) length);
        } else if (code == 127) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
        if (masked) {
            out.writeBytes(randomBytes(4));
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
