package io.camelprogress.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the load generator for a few seconds against an in-process SSE server; the real benchmark is compare.sh. */
class LoadGenSmokeTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fanOutToFiftySubscribersLosesNothing() throws Exception {
        try (TinySseServer server = new TinySseServer()) {
            String base = "http://127.0.0.1:" + server.port();
            BenchConfig config = BenchConfig.parse(new String[] {
                    "--kind", "fanout", "--scenario", "smoke", "--target", "ours",
                    "--subscribe-url", base + "/sub", "--publish-url", base + "/pub",
                    "--server-pid", Long.toString(ProcessHandle.current().pid()),
                    "--subscribers", "50", "--rate", "500", "--duration", "2", "--warmup", "0.5",
                    "--lanes", "4", "--drain", "10"});

            JsonObject json = LoadGen.run(config).toJson();

            assertNull(json.getValue("error"), () -> json.encodePrettily());
            assertEquals(50, json.getInteger("subscribersEstablished"), json::encodePrettily);
            assertEquals(0L, json.getLong("missing"), json::encodePrettily);
            assertEquals(0L, json.getLong("duplicates"), json::encodePrettily);
            assertEquals(0L, json.getLong("outOfOrder"), json::encodePrettily);
            assertEquals(0L, json.getLong("malformedEvents"), json::encodePrettily);
            assertTrue(json.getDouble("deliveriesPerSecond") > 0, json::encodePrettily);
            assertTrue(json.getLong("latencySamples") > 0, json::encodePrettily);
            assertTrue(json.getBoolean("caughtUpAfterStop"), json::encodePrettily);
            assertTrue(json.containsKey("serverCpuMicrosPerDelivery"), json::encodePrettily);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void refusedSubscriptionsAreReportedAsFailures() throws Exception {
        try (TinySseServer server = new TinySseServer()) {
            BenchConfig config = BenchConfig.parse(new String[] {
                    "--kind", "idle", "--subscribe-url", "http://127.0.0.1:" + server.port() + "/missing",
                    "--subscribers", "5", "--duration", "0.2"});

            JsonObject json = LoadGen.run(config).toJson();

            assertEquals(0, json.getInteger("subscribersEstablished"), json::encodePrettily);
            assertEquals(5, json.getJsonObject("subscribersFailures").getInteger("HTTP 404"), json::encodePrettily);
        }
    }
}
