package io.camelprogress.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates hostile HTTP/1.1 requests from a seeded {@link Random}: broken request lines, stream names, query
 * strings, {@code Last-Event-ID} values, tickets, {@code Authorization} and {@code Cookie} headers, framing, and
 * bodies. Each request says what a correct server may do with it ({@link Kind}).
 */
final class HostileHttp {

    /** What the server under test owes the request. */
    enum Kind {
        /** A whole request (however wrong): an answer below 500, or a close, within the bound. */
        COMPLETE,
        /** The server may rightly wait for more bytes (open framing, short body): only no 5xx if it answers. */
        OPEN_ENDED,
        /** The client writes part of it and vanishes with a reset. */
        VANISH,
        /** A whole request written a byte at a time. */
        SLOW
    }

    /**
     * One request and what it is owed. With {@code foreignVersion} (a version other than HTTP/1.0 and 1.1) Vert.x
     * answers 501 before any handler runs, echoing the version in its status line; RFC 9110 has 505 for it.
     */
    record Request(Kind kind, byte[] bytes, boolean foreignVersion) {

        Request(Kind kind, byte[] bytes) {
            this(kind, bytes, false);
        }

        /** The first bytes, printable, to name the case in a failure. */
        String shown() {
            return Printable.of(bytes, 240);
        }
    }

    private static final String BASE = "/progress";
    private static final String TEN_KB = "a".repeat(10_240);

    private final String knownId;
    private final Random random;

    /**
     * @param knownId an id the server gave, so that some resumes and polls name a real position
     */
    HostileHttp(Random random, String knownId) {
        this.random = random;
        this.knownId = knownId;
    }

    Request next() {
        int dice = random.nextInt(100);
        if (dice < 4) {
            return new Request(Kind.OPEN_ENDED, concat(randomBytes(1 + random.nextInt(2_000)), "\r\n\r\n"));
        }
        StringBuilder head = new StringBuilder();
        String eol = random.nextInt(20) == 0 ? "\n" : "\r\n";
        String method = method();
        String version = version();
        boolean foreignVersion = !version.isEmpty() && !version.equals(" HTTP/1.1") && !version.equals(" HTTP/1.0");
        head.append(method).append(' ').append(target()).append(version).append(eol);
        if (random.nextInt(15) != 0) {
            head.append("Host: ").append(pick("127.0.0.1", "127.0.0.1", "127.0.0.1", "", "[::1", "a b", "x".repeat(300))).append(eol);
        }
        if (random.nextInt(4) != 0) {
            head.append("Accept: ").append(pick("text/event-stream", "application/json", "application/json", "*/*",
                    "application/json;q=0, text/event-stream", "text/event-stream, application/json", "", "\u00ff\u00fe", "application/jsonx"))
                    .append(eol);
        }
        int extra = random.nextInt(5);
        for (int i = 0; i < extra; i++) {
            head.append(header()).append(eol);
        }
        Kind kind = Kind.COMPLETE;
        byte[] body = new byte[0];
        if (method.equals("POST") || random.nextInt(12) == 0) {
            body = body();
            switch (random.nextInt(6)) {
                case 0 -> {
                    head.append("Content-Length: ").append(body.length + 1 + random.nextInt(100)).append(eol);
                    kind = Kind.OPEN_ENDED;
                }
                case 1 -> {
                    head.append("Transfer-Encoding: chunked").append(eol);
                    body = chunked(body);
                    kind = random.nextBoolean() ? kind : Kind.OPEN_ENDED;
                    if (kind == Kind.OPEN_ENDED) {
                        // a broken chunk, or bytes that are no request behind the body's end (PipelinedRequestLeakTest)
                        String broken = pick("zz\r\n", "5\r\nab", "-1\r\n\r\n", "ffffffffffffffff\r\n");
                        body = random.nextBoolean() ? concat(java.util.Arrays.copyOf(body, body.length - 5), broken) : concat(body, broken);
                    }
                }
                default -> head.append("Content-Length: ").append(body.length).append(eol);
            }
            head.append("Content-Type: ").append(pick("text/plain", "application/json", "application/octet-stream", "", "\u00e9")).append(eol);
        }
        if (random.nextInt(25) == 0) {
            kind = Kind.OPEN_ENDED; // no blank line: the headers never end
        } else {
            head.append(eol);
        }
        byte[] request = concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
        if (random.nextInt(12) == 0) {
            return new Request(Kind.VANISH, java.util.Arrays.copyOf(request, random.nextInt(request.length + 1)));
        }
        if (kind == Kind.COMPLETE && request.length < 400 && random.nextInt(40) == 0) {
            return new Request(Kind.SLOW, request, foreignVersion);
        }
        return new Request(kind, request, foreignVersion);
    }

    private String method() {
        int dice = random.nextInt(100);
        if (dice < 62) {
            return "GET";
        }
        if (dice < 80) {
            return "POST";
        }
        return pick("HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "get", "GETT", "G\u00c9T", "PRI",
                "M".repeat(5_000), "\u0000", randomToken(12));
    }

    private String version() {
        if (random.nextInt(6) != 0) {
            return " HTTP/1.1";
        }
        return pick(" HTTP/1.0", "", " HTTP/2.0", " HTTP/1.2", " HTTP/9.9", " HTTX/1.1", " HTTP/1.1 extra", " http/1.1", "  HTTP/1.1",
                " HTTP/1.1\u0000");
    }

    private String target() {
        String path = switch (random.nextInt(12)) {
            case 0 -> pick(BASE, BASE + "/", BASE + "X", "/", "*", "//progress/up/a", BASE + "/../progress/up/a",
                    "http://127.0.0.1" + BASE + "/up/a", "/%2e%2e" + BASE + "/up/a", BASE + "/up/a#frag", "", BASE + "\u0000");
            case 1 -> BASE + "/" + randomToken(1 + random.nextInt(40));
            default -> BASE + "/" + streamName();
        };
        int params = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(4);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params; i++) {
            query.append(i == 0 ? '?' : pick("&", "&", "&&", ";", "&=&")).append(param());
        }
        if (params == 0 && random.nextInt(15) == 0) {
            query.append(pick("?", "??", "?&", "?=", "?%", "?a=%", "?%zz=1"));
        }
        return path + query;
    }

    private String streamName() {
        return pick("up/a", "up/a", "up/b", "up/steady", "up/*", "*", "up/**", "up/*/x", "..", "up/..", "up/../up/a", "%2e%2e",
                "up/%2e%2e/a", "%2E%2E/%2E%2E/etc/passwd", "%00", "up/%00", "up/a%00b", "up/%2F", "up%2Fa", "up//a", "up/a/",
                "up/\u00e4", "up/%C3%A4", "up/%FF%FE", "up/%zz", "up/%", "up/%2", TEN_KB, "up/" + "b".repeat(300), "_client.js",
                "_client.js?x", "_x", "_", "up/a;b", "up/a b", "up/\t", "up/a\u0001", "up/\u202e", "up/\ud83d\ude00", "up/\u2028",
                "up/.", "./up/a", "up/~", "up/a.b-c_d~e", "up/%7e", "up/" + TEN_KB, "%u002e%u002e", "up/\\..\\a", "up/a?b", "up/%3F");
    }

    private String param() {
        return switch (random.nextInt(14)) {
            case 0 -> pick("after=%", "after=%zz", "after=%%", "stream=bars/%zz", "stream=%", "lastEventId=%G0", "timeout=%");
            case 1 -> "stream=" + streamName();
            case 2 -> "stream=up/a&stream=up/a&stream=up/b";
            case 3 -> "lastEventId=" + idValue();
            case 4, 5 -> "after=" + idValue();
            case 6 -> "timeout=" + pick("0", "0.01", "-1", "NaN", "Infinity", "-Infinity", "1e309", "99999999999", "", "abc", "0x10",
                    "1" + "0".repeat(400), "0.2");
            case 7 -> "ticket=" + ticket();
            case 8 -> pick("stream=", "stream", "=", "==", "a=b=c", "+=+", "stream=up%2Fa", "stream=up/a+b", "%=%");
            case 9 -> randomToken(5) + "=" + TEN_KB;
            case 10 -> "stream=" + pick("up/\u00e4", "\u0000", "up/a\r\nX-Injected: 1");
            default -> pick("after=", "after=" + knownId, "timeout=0", "timeout=0.05", "lastEventId=" + knownId);
        };
    }

    private String idValue() {
        return pick("", "-", "abc-1", knownId, knownId, "x-99999999999999999999999", "-1", "abc--1", "a-1-2", TEN_KB, "%00",
                "abc-1e5", "%20abc-1%20", "\u00e4-1", "abc-" + Long.MAX_VALUE, "abc-" + Long.MIN_VALUE, "a".repeat(33) + "-1",
                knownId + "0", "abc-0", "abc-%2D1", randomToken(20));
    }

    private String ticket() {
        return pick("", "v1.abc.def", "x".repeat(2_000), TEN_KB, "%00", "..", "\u00e4\u00f6", "a.b.c.d.e.f", "Bearer abc",
                "==", "%2e%2e", randomToken(40) + "." + randomToken(40), "null", "undefined", "%");
    }

    private String header() {
        return switch (random.nextInt(24)) {
            case 0, 1 -> "Last-Event-ID: " + idValue();
            case 2 -> "Last-Event-ID:" + pick("", " ", "\t" + knownId, " \u0000", " " + knownId + ", " + knownId);
            case 3 -> "Authorization: " + pick("Bearer " + ticket(), "Bearer", "Basic ???", "Basic " + TEN_KB.substring(0, 3000), "",
                    "Bearer " + ticket() + " extra", "Digest x=\"", "\u00e4");
            case 4 -> "Cookie: " + pick("progress_ticket=" + ticket(), ";;;=;", "progress_ticket", "progress_ticket=a; progress_ticket=b",
                    "a=\"unterminated", "progress_ticket=" + TEN_KB.substring(0, 5000), "=x", "\u00e4=\u00f6");
            case 5 -> "Origin: " + pick("null", "http://evil.example", "", "://", "http://127.0.0.1:1", "\u00e4", "http://[::1");
            case 6 -> pick("Upgrade: websocket", "Upgrade: WebSocket", "Upgrade: h2c", "Upgrade: websocket, foo", "Upgrade: ");
            case 7 -> pick("Connection: Upgrade", "Connection: close", "Connection: keep-alive, Upgrade", "Connection: \u0000");
            case 8 -> "Sec-WebSocket-Key: " + pick("bad", "", "dGhlIHNhbXBsZSBub25jZQ==", "====", TEN_KB.substring(0, 200));
            case 9 -> "Sec-WebSocket-Version: " + pick("13", "8", "99", "", "abc", "-1");
            case 10 -> "Forwarded: " + pick("for=\"[::1", "for=1.2.3.4;proto=http", "for=", ";;;", "for=unknown, for=_hidden",
                    "for=" + TEN_KB.substring(0, 1000));
            case 11 -> "X-Forwarded-For: " + pick("1.2.3.4, 5.6.7.8", "", ",,,", "999.999.999.999", "::1, ::ffff:1.2.3.4", "not-an-ip");
            case 12 -> "Content-Length: " + pick("-1", "abc", "99999999999999999999", "0, 5", "0");
            case 13 -> pick("Transfer-Encoding: gzip", "Transfer-Encoding: chunked, identity", "Transfer-Encoding: ");
            case 14 -> pick("Expect: 100-continue", "Expect: garbage");
            case 15 -> pick("NoColonHere", "Accept : text/event-stream", " folded: value", "X: a\r\n continued", ": empty-name",
                    "X\u00e4: 1", "X-Nul: a\u0000b", "\tTab: 1");
            case 16 -> "X-Big: " + "x".repeat(random.nextBoolean() ? 7_000 : 9_000);
            case 17 -> "X-Many: " + "1,".repeat(100);
            case 18 -> "Accept-Encoding: " + pick("gzip", "br, gzip;q=0", "*", "\u00ff");
            case 19 -> "If-None-Match: " + pick("\"x\"", "*", "W/", TEN_KB.substring(0, 500));
            case 20 -> "Host: " + pick("127.0.0.1", "evil", "");
            case 21 -> "Accept: " + pick("application/json", "text/event-stream", "");
            default -> randomToken(8) + ": " + randomToken(random.nextInt(60));
        };
    }

    private byte[] body() {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(random.nextInt(300));
            case 2 -> pick("{\"a\":1}", "{", "null", "\"\\ud800\"", "[" + "[".repeat(2_000), "{\"percent\":1e999}")
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> ("x".repeat(random.nextInt(70_000))).getBytes(StandardCharsets.UTF_8);
            default -> "cancel".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (body.length > 0) {
            out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private String randomToken(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            token.append(kind < 7 ? (char) ('!' + random.nextInt(94)) : kind < 9 ? (char) (0x80 + random.nextInt(0x780))
                    : (char) random.nextInt(32));
        }
        return token.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
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
