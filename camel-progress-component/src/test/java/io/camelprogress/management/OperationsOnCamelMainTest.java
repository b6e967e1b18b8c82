package io.camelprogress.management;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.component.ProgressComponent;
import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.Await;
import io.camelprogress.testing.FreePort;
import io.camelprogress.testing.SseFrame;
import io.camelprogress.testing.SseTestClient;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of a Camel Main application with camel-micrometer-prometheus, the
 * platform-http server and the management server: exact counts in the Prometheus text, a lagging
 * subscriber while one is held back, health, the dev console, the MBean and the HTTP endpoint list.
 */
@Timeout(90)
class OperationsOnCamelMainTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Main main;
    private static int port;
    private static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        port = FreePort.find();
        managementPort = FreePort.find();
        main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("progress:ops");
            }
        });
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", Integer.toString(managementPort));
        main.addInitialProperty("camel.management.metricsEnabled", "true");
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.management.devConsoleEnabled", "true");
        main.addInitialProperty("camel.metrics.enabled", "true");
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.main.jmxEnabled", "true");
        main.addInitialProperty("camel.component.progress.maxPendingEvents", "16");
        main.addInitialProperty("camel.component.progress.maxEventsPerStream", "20000");
        main.addInitialProperty("camel.component.progress.maxBytesPerStream", "134217728");
        main.start();
        Await.until(() -> progress().httpHost() != null, WAIT, "the streams to be served");
    }

    @AfterAll
    static void stop() {
        main.stop();
    }

    private static ProgressComponent progress() {
        return main.getCamelContext().getComponent("progress", ProgressComponent.class);
    }

    private static void publish(String job, String body) {
        main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:publish", body, ProgressConstants.STREAM_ID, job);
    }

    private static String get(int onPort, String path) throws Exception {
        return get(onPort, path, "*/*");
    }

    private static String get(int onPort, String path, String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).timeout(WAIT)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    /** One sample of the Prometheus text, as in {@code camel_progress_events_delivered_total{...transport="sse"}}. */
    private static double sample(String metrics, String name, String tag) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (tag == null || m.group(1).contains(tag)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + (tag == null ? "" : " with " + tag) + " in:\n" + metrics.lines()
                .filter(l -> l.startsWith("camel_progress")).toList());
    }

    private static String metrics() throws Exception {
        return get(managementPort, "/observe/metrics");
    }

    @Test
    void prometheusCountsPublishedAndDeliveredExactly() throws Exception {
        String before = metrics();
        double published = sample(before, "camel_progress_events_published_total", null);
        double delivered = sample(before, "camel_progress_events_delivered_total", "transport=\"sse\"");
        int subscribers = 3;
        int events = 40;
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                SseTestClient client = SseTestClient.open("http://127.0.0.1:" + port + "/progress/ops/counted");
                assertEquals(SseFrame.Kind.RETRY, client.next(WAIT).kind());
                clients.add(client);
            }
            for (int i = 0; i < events; i++) {
                publish("counted", "event " + i);
            }
            for (SseTestClient client : clients) {
                assertEquals(events, client.events(events, WAIT).size());
            }
            String after = metrics();
            assertEquals(published + events, sample(after, "camel_progress_events_published_total", null));
            assertEquals(delivered + (double) subscribers * events, sample(after, "camel_progress_events_delivered_total", "transport=\"sse\""));
            assertEquals(subscribers, sample(after, "camel_progress_connections", "transport=\"sse\""));
            assertTrue(sample(after, "camel_progress_delivery_latency_seconds_count", null) > 0, "the latency timer has samples");
        } finally {
            for (SseTestClient client : clients) {
                client.close();
            }
        }
        Await.until(() -> progress().hub().subscriptionCount() == 0, WAIT, "the clients to be gone");
        assertEquals(0, sample(metrics(), "camel_progress_connections", "transport=\"sse\""));
    }

    @Test
    void aHeldBackSubscriberShowsAsLaggingUntilItCatchesUp() throws Exception {
        String payload = "x".repeat(4096);
        try (SseTestClient slow = SseTestClient.open("http://127.0.0.1:" + port + "/progress/ops/burst", java.util.Map.of(), 8)) {
            assertEquals(SseFrame.Kind.RETRY, slow.next(WAIT).kind());
            for (int i = 0; i < 4000; i++) {
                publish("burst", payload);
            }
            Await.until(() -> {
                try {
                    return sample(metrics(), "camel_progress_subscribers_lagging", null) == 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, WAIT, "the held-back subscriber to show as lagging");
            assertEquals(4000, slow.events(4000, Duration.ofSeconds(60)).size(), "once it reads, it gets every event");
            Await.until(() -> progress().hub().laggingSubscribers() == 0, WAIT, "it to be live again");
            assertEquals(0, sample(metrics(), "camel_progress_subscribers_lagging", null));
        }
    }

    @Test
    void healthShowsTheComponentUp() throws Exception {
        String health = get(managementPort, "/observe/health");
        JsonNode checks = JSON.readTree(health).get("checks");
        JsonNode ours = null;
        for (JsonNode check : checks) {
            if ("progress".equals(check.path("name").asText())) {
                ours = check;
            }
        }
        assertTrue(ours != null, health);
        assertEquals("UP", ours.get("status").asText(), health);
    }

    @Test
    void devConsoleAndMBeanListTheStreamAndItsSubscribers() throws Exception {
        publish("listed", "hello");
        try (SseTestClient watcher = SseTestClient.open("http://127.0.0.1:" + port + "/progress/ops/listed")) {
            assertEquals("hello", watcher.events(1, WAIT).get(0).data());
            JsonNode console = JSON.readTree(get(managementPort, "/q/dev/progress", "application/json"));
            JsonNode component = console.path("progress").path("components").get(0);
            JsonNode listed = null;
            for (JsonNode stream : component.get("streams")) {
                if ("ops/listed".equals(stream.get("name").asText())) {
                    listed = stream;
                }
            }
            assertTrue(listed != null, console.toString());
            assertEquals(1, listed.get("retainedEvents").asInt());
            assertEquals(1, listed.get("subscribers").get("sse").asInt());

            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            List<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=services,*"), null).stream()
                    .filter(n -> n.getKeyProperty("name").startsWith("ProgressManagement")).toList();
            assertEquals(1, names.size(), "the MBean: " + names);
            ObjectName mbean = names.get(0);
            assertEquals((long) progress().hub().publishedEvents(), mbeans.getAttribute(mbean, "PublishedEvents"));
            assertEquals(component.get("streamCount").asInt(), mbeans.getAttribute(mbean, "StreamCount"));
            assertEquals(1, mbeans.getAttribute(mbean, "SubscriptionCount"));
            String[] oneString = { "java.lang.String" };
            assertEquals(1, mbeans.invoke(mbean, "disconnectSubscribers", new Object[] { "ops/listed" }, oneString));
            Await.until(() -> progress().hub().subscriptionCount() == 0, WAIT, "the disconnected subscriber to be gone");

            assertEquals(false, mbeans.invoke(mbean, "dropCompletedStream", new Object[] { "ops/listed" }, oneString),
                    "a stream that has not completed is not dropped");
            String completed = (String) mbeans.invoke(mbean, "completeStream", new Object[] { "ops/listed" }, oneString);
            assertTrue(completed.startsWith("done published as "), completed);
            HttpResponse<String> reconnect = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/progress/ops/listed"))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", completed.substring("done published as ".length()))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, reconnect.statusCode(), "the operator's done ended the stream");
            int streams = progress().hub().streamCount();
            assertEquals(true, mbeans.invoke(mbean, "dropCompletedStream", new Object[] { "ops/listed" }, oneString));
            assertEquals(streams - 1, progress().hub().streamCount());
        }
    }

    @Test
    void theDashboardUsesOnlyMetersThatExist() throws Exception {
        String metrics = metrics();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana/camel-progress-dashboard.json"));
        Matcher names = Pattern.compile("camel_progress_[a-z_]+").matcher(dashboard);
        int used = 0;
        while (names.find()) {
            used++;
            assertTrue(Pattern.compile("(?m)^" + names.group() + "[{ ]").matcher(metrics).find(),
                    "the dashboard's " + names.group() + " is among the meters");
        }
        assertTrue(used >= 15, "the dashboard names the meters: " + used);
    }

    @Test
    void theStreamsAreListedAmongTheHttpEndpoints() {
        PlatformHttpComponent platformHttp = main.getCamelContext().getComponent("platform-http", PlatformHttpComponent.class);
        assertTrue(platformHttp.getHttpEndpoints().stream().map(HttpEndpointModel::getUri).anyMatch("/progress/*"::equals),
                platformHttp.getHttpEndpoints().toString());
    }
}
