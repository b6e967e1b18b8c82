package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the load generator for a few seconds against an in-process server, over each transport and
 * dialect; the real benchmark is compare.sh. Loss the server causes must show as loss.
 */
class LoadGenSmokeTest {

    private static final int SUBSCRIBERS = 50;
    /**
     * Published after every subscriber has its first event (all connect before publishing starts)
     * and, with no warm-up, inside the measured window: 0.2 s in at 500 events/s, 2 s before its end.
     */
    private static final long FAULTY_EVENT = 100;

    private static JsonObject fanout(TinyProgressServer server, String path, String transport, String target,
                                     String... extra) {
        String base = "http://127.0.0.1:" + server.port();
        List<String> args = new ArrayList<>(List.of(
                "--kind", "fanout", "--scenario", "smoke", "--target", target, "--transport", transport,
                "--subscribe-url", base + path, "--publish-url", base + "/pub",
                "--server-pid", Long.toString(ProcessHandle.current().pid()),
                "--subscribers", Integer.toString(SUBSCRIBERS), "--rate", "500", "--duration", "2", "--warmup", "0.5",
                "--lanes", "4", "--drain", "5"));
        args.addAll(List.of(extra));
        return LoadGen.run(BenchConfig.parse(args.toArray(String[]::new))).toJson();
    }

    private static void assertLossless(JsonObject json) {
        assertNull(json.getValue("error"), json::encodePrettily);
        assertEquals(SUBSCRIBERS, json.getInteger("subscribersEstablished"), json::encodePrettily);
        assertEquals(0L, json.getLong("missing"), json::encodePrettily);
        assertEquals(0L, json.getLong("duplicates"), json::encodePrettily);
        assertEquals(0L, json.getLong("outOfOrder"), json::encodePrettily);
        assertEquals(0L, json.getLong("malformedEvents"), json::encodePrettily);
        assertEquals(0L, json.getLong("resets"), json::encodePrettily);
        assertEquals(0L, json.getLong("unexpectedCloses"), json::encodePrettily);
        assertTrue(json.getDouble("deliveriesPerSecond") > 0, json::encodePrettily);
        assertTrue(json.getLong("latencySamples") > 0, json::encodePrettily);
        assertTrue(json.getBoolean("caughtUpAfterStop"), json::encodePrettily);
        long expected = json.getLong("eventsPerSubscriberExpected");
        assertTrue(expected > 0, json::encodePrettily);
        assertEquals(expected, json.getLong("receivedPerSubscriberMin"), json::encodePrettily);
        assertEquals(expected, json.getLong("receivedPerSubscriberMax"), json::encodePrettily);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sse", "ws", "poll"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fanOutLosesNothing(String transport) throws Exception {
        try (TinyProgressServer server = new TinyProgressServer()) {
            JsonObject json = fanout(server, "/sub", transport, "ours");

            assertLossless(json);
            assertEquals(transport, json.getString("transport"));
            assertTrue(json.containsKey("serverCpuMicrosPerDelivery"), json::encodePrettily);
            if (transport.equals("ws")) {
                assertEquals(SUBSCRIBERS, server.pongs(), "every subscriber answers the server's ping with a pong");
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void webSocketWithRawMessagesAsNchanSendsThem() throws Exception {
        try (TinyProgressServer server = new TinyProgressServer()) {
            assertLossless(fanout(server, "/raw", "ws", "nchan"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sse", "ws", "poll"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void skippedEventIsCountedMissing(String transport) throws Exception {
        try (TinyProgressServer server = new TinyProgressServer(new TinyProgressServer.Fault(FAULTY_EVENT, false))) {
            JsonObject json = fanout(server, "/sub", transport, "ours", "--warmup", "0");

            assertEquals((long) SUBSCRIBERS, json.getLong("missing"), json::encodePrettily);
            assertEquals(0L, json.getLong("resets"), json::encodePrettily);
            assertEquals(json.getLong("eventsPerSubscriberExpected") - 1, json.getLong("receivedPerSubscriberMax"),
                    json::encodePrettily);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sse", "ws", "poll"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void resetIsCountedByReason(String transport) throws Exception {
        try (TinyProgressServer server = new TinyProgressServer(new TinyProgressServer.Fault(FAULTY_EVENT, true))) {
            JsonObject json = fanout(server, "/sub", transport, "ours", "--warmup", "0");

            assertEquals((long) SUBSCRIBERS, json.getLong("resets"), json::encodePrettily);
            assertEquals(SUBSCRIBERS, json.getJsonObject("resetReasons").getInteger("lagged"), json::encodePrettily);
            assertEquals((long) SUBSCRIBERS, json.getLong("missing"), json::encodePrettily);
            assertEquals(0L, json.getLong("malformedEvents"), json::encodePrettily);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void openLoopKeepsEachLaneInOrder() throws Exception {
        try (TinyProgressServer server = new TinyProgressServer()) {
            JsonObject json = fanout(server, "/sub", "ws", "ours", "--publish-mode", "open", "--rate", "2000");

            assertLossless(json);
            assertEquals("open", json.getString("publishMode"));
            assertEquals(0L, json.getLong("publishFailures"), json::encodePrettily);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void refusedSubscriptionsAreReportedAsFailures() throws Exception {
        try (TinyProgressServer server = new TinyProgressServer()) {
            BenchConfig config = BenchConfig.parse(new String[] {
                    "--kind", "idle", "--subscribe-url", "http://127.0.0.1:" + server.port() + "/missing",
                    "--subscribers", "5", "--duration", "0.2"});

            JsonObject json = LoadGen.run(config).toJson();

            assertEquals(0, json.getInteger("subscribersEstablished"), json::encodePrettily);
            assertEquals(5, json.getJsonObject("subscribersFailures").getInteger("HTTP 404"), json::encodePrettily);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void refusedWebSocketUpgradeIsReportedAsFailure() throws Exception {
        try (TinyProgressServer server = new TinyProgressServer()) {
            BenchConfig config = BenchConfig.parse(new String[] {
                    "--kind", "idle", "--transport", "ws",
                    "--subscribe-url", "http://127.0.0.1:" + server.port() + "/missing",
                    "--subscribers", "5", "--duration", "0.2"});

            JsonObject json = LoadGen.run(config).toJson();

            assertEquals(0, json.getInteger("subscribersEstablished"), json::encodePrettily);
            assertEquals(5, json.getJsonObject("subscribersFailures").getInteger("HTTP 404"), json::encodePrettily);
        }
    }
}
