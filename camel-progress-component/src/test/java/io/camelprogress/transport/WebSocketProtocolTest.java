package io.camelprogress.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;

import io.camelprogress.testing.PlatformHttpApp;
import io.camelprogress.testing.ProgressServer;
import io.camelprogress.testing.RawWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 6455 as a hostile client tests it, with hand-built frames over a plain socket, on both hosts:
 * the component's own server and the platform-http server of a Camel Main application (whose
 * WebSocket settings are not the component's). Every protocol error ends with a close frame
 * carrying the RFC's code, then the TCP close; never a bare TCP close.
 */
@Timeout(60)
class WebSocketProtocolTest {

    private static final String PATH = "/progress/up/protocol";
    private static ProgressServer own;
    private static PlatformHttpApp platform;

    enum Host {
        OWN, PLATFORM_HTTP;

        int port() {
            return this == OWN ? own.port() : platform.port();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        own = new ProgressServer();
        platform = new PlatformHttpApp(Map.of());
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static void assertClosedWith(int code, RawWebSocket ws) throws Exception {
        int got = ws.awaitCloseCode();
        assertEquals(code, got, "close code (reason: " + ws.closeReason() + ")");
        assertTrue(ws.awaitTcpClose(), "TCP connection closed after the close frame");
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aFrameOverTheFrameLimitClosesWith1009(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            byte[] payload = new byte[100_000];
            Arrays.fill(payload, (byte) 'a');
            ws.sendText(payload);
            assertClosedWith(1009, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aMessageOfSmallFragmentsOverMaxUpstreamMessageSizeClosesWith1009(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            byte[] fragment = new byte[1000];
            Arrays.fill(fragment, (byte) 'a');
            ws.send(false, 0, RawWebSocket.TEXT, fragment);
            // 66 kB in all, past the default 64 KiB, each frame far below any frame bound
            for (int i = 0; i < 65; i++) {
                ws.send(false, 0, RawWebSocket.CONTINUATION, fragment);
            }
            ws.send(true, 0, RawWebSocket.CONTINUATION, fragment);
            assertClosedWith(1009, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void invalidUtf8InATextFrameClosesWith1007(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            ws.sendText(new byte[] {'o', 'k', (byte) 0xC3, 0x28});
            assertClosedWith(1007, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void invalidUtf8AcrossFragmentsClosesWith1007(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            ws.send(false, 0, RawWebSocket.TEXT, "caf".getBytes(StandardCharsets.UTF_8));
            // a lone continuation byte where a character must start
            ws.send(true, 0, RawWebSocket.CONTINUATION, new byte[] {(byte) 0xA9});
            assertClosedWith(1007, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aCharacterSplitAcrossFragmentsIsValid(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            byte[] e = "é".getBytes(StandardCharsets.UTF_8);
            ws.send(false, 0, RawWebSocket.TEXT, new byte[] {'c', 'a', 'f', e[0]});
            ws.send(true, 0, RawWebSocket.CONTINUATION, new byte[] {e[1]});
            ws.sendClose(1000);
            assertClosedWith(1000, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void rsvBitsWithoutANegotiatedExtensionCloseWith1002(Host host) throws Exception {
        for (int rsv : new int[] {RawWebSocket.RSV1, RawWebSocket.RSV2, RawWebSocket.RSV3}) {
            try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
                ws.send(true, rsv, RawWebSocket.TEXT, "hello".getBytes(StandardCharsets.UTF_8));
                assertEquals(1002, ws.awaitCloseCode(), "close code for RSV " + rsv);
                assertTrue(ws.awaitTcpClose());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void rsv1IsAcceptedWhenPermessageDeflateWasNegotiated(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
            Map<String, String> headers = RawWebSocket.standardHeaders();
            headers.put("Sec-WebSocket-Extensions", "permessage-deflate");
            assertEquals(101, ws.handshake(PATH, headers).status());
            ws.send(true, RawWebSocket.RSV1, RawWebSocket.TEXT, deflate("hello, compressed"));
            ws.sendClose(1000);
            assertClosedWith(1000, ws);
        }
        try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
            Map<String, String> headers = RawWebSocket.standardHeaders();
            headers.put("Sec-WebSocket-Extensions", "permessage-deflate");
            RawWebSocket.Response response = ws.handshake(PATH, headers);
            assertEquals(101, response.status());
            assertTrue(response.headers().getOrDefault("sec-websocket-extensions", "").contains("permessage-deflate"),
                    "negotiated: " + response.headers());
            ws.send(true, RawWebSocket.RSV1, RawWebSocket.TEXT, deflate("hello, compressed"));
            // RSV2 is explained by no extension, even with one negotiated
            ws.send(true, RawWebSocket.RSV2, RawWebSocket.TEXT, "plain".getBytes(StandardCharsets.UTF_8));
            assertClosedWith(1002, ws);
        }
    }

    /** A message compressed as RFC 7692 says: raw deflate, without the final empty block's 4 bytes. */
    private static byte[] deflate(String text) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[256];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4);
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void invalidCloseCodesAreAnsweredWith1002(Host host) throws Exception {
        for (int code : new int[] {5000, 65535, 0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999}) {
            try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
                ws.sendClose(code);
                assertEquals(1002, ws.awaitCloseCode(), "answer to close code " + code);
                assertTrue(ws.awaitTcpClose());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void validCloseCodesAreEchoed(Host host) throws Exception {
        for (int code : new int[] {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4000, 4999}) {
            try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
                ws.sendClose(code);
                assertEquals(code, ws.awaitCloseCode(), "echo of close code " + code);
                assertTrue(ws.awaitTcpClose());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void anEmptyCloseIsAnsweredWithoutACode(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            ws.send(true, 0, RawWebSocket.CLOSE, new byte[0]);
            RawWebSocket.Frame frame = ws.readFrame();
            assertEquals(RawWebSocket.CLOSE, frame.opcode());
            // 1005 means "no code" and must never be sent: the answer is empty or 1000
            assertTrue(frame.payload().length == 0 || frame.closeCode() == 1000, "answer code " + frame.closeCode());
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aCloseWithInvalidUtf8ReasonClosesWith1007(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            ws.send(true, 0, RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xE8, (byte) 0xFF});
            assertClosedWith(1007, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void brokenFramesCloseWith1002AfterACloseFrame(Host host) throws Exception {
        byte[] small = "x".getBytes(StandardCharsets.UTF_8);
        Map<String, Frame> broken = Map.of(
                "an unmasked frame", new Frame(true, 0, RawWebSocket.TEXT, small, false),
                "a fragmented ping", new Frame(false, 0, RawWebSocket.PING, small, true),
                "a ping over 125 bytes", new Frame(true, 0, RawWebSocket.PING, new byte[126], true),
                "reserved data opcode 3", new Frame(true, 0, 0x3, small, true),
                "reserved control opcode 0xB", new Frame(true, 0, 0xB, small, true),
                "a continuation with no message begun", new Frame(true, 0, RawWebSocket.CONTINUATION, small, true),
                "a close with a one-byte payload", new Frame(true, 0, RawWebSocket.CLOSE, new byte[] {3}, true));
        for (Map.Entry<String, Frame> c : broken.entrySet()) {
            try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
                Frame f = c.getValue();
                ws.sendFrame(f.fin, f.rsv, f.opcode, f.payload, f.masked);
                assertEquals(1002, ws.awaitCloseCode(), "close code after " + c.getKey());
                assertTrue(ws.awaitTcpClose(), "TCP closed after " + c.getKey());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aNewMessageInsideAFragmentedOneClosesWith1002(Host host) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(host.port(), PATH)) {
            ws.send(false, 0, RawWebSocket.TEXT, "a".getBytes(StandardCharsets.UTF_8));
            ws.send(true, 0, RawWebSocket.TEXT, "b".getBytes(StandardCharsets.UTF_8));
            assertClosedWith(1002, ws);
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aKeyThatIsNotTheBase64Of16BytesIsRefused(Host host) throws Exception {
        for (String key : new String[] {"bad", "dGhlIHNhbXBsZQ==", "!!!!!!!!!!!!!!!!!!!!!!==", ""}) {
            Map<String, String> headers = RawWebSocket.standardHeaders();
            headers.put("Sec-WebSocket-Key", key);
            try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
                assertEquals(400, ws.handshake(PATH, headers).status(), "status for key '" + key + "'");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aMissingKeyIsRefused(Host host) throws Exception {
        Map<String, String> headers = RawWebSocket.standardHeaders();
        headers.put("Sec-WebSocket-Key", null);
        try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
            assertEquals(400, ws.handshake(PATH, headers).status());
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void anotherProtocolVersionGets426NamingVersion13(Host host) throws Exception {
        for (String version : new String[] {"8", "14", "x"}) {
            Map<String, String> headers = RawWebSocket.standardHeaders();
            headers.put("Sec-WebSocket-Version", version);
            try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
                RawWebSocket.Response response = ws.handshake(PATH, headers);
                assertEquals(426, response.status(), "status for version " + version);
                assertEquals("13", response.headers().get("sec-websocket-version"));
            }
        }
        Map<String, String> headers = RawWebSocket.standardHeaders();
        headers.put("Sec-WebSocket-Version", null);
        try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
            assertEquals(426, ws.handshake(PATH, headers).status(), "status without a version");
        }
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void anUpgradeWithoutConnectionUpgradeIsRefused(Host host) throws Exception {
        Map<String, String> headers = RawWebSocket.standardHeaders();
        headers.put("Connection", "keep-alive");
        try (RawWebSocket ws = RawWebSocket.connect(host.port())) {
            assertEquals(400, ws.handshake(PATH, headers).status());
        }
    }

    private record Frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    }
}
