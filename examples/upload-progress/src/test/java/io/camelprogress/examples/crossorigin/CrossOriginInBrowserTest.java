package io.camelprogress.examples.crossorigin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.camelprogress.component.ProgressComponent;
import io.camelprogress.component.ProgressConstants;
import io.camelprogress.testing.browser.HeadlessChromium;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A page of another origin reads a private stream in real Chromium: the streams are on the
 * component's own server, the page on a second server, {@code allowedOrigins} names the page's
 * origin and the page holds the ticket the route gave out. A page of an origin not listed can
 * neither read the stream nor the client script.
 */
// in a package of its own: the upload demo's Main scans io.camelprogress.examples.upload for route builders
@Timeout(120)
class CrossOriginInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static CamelContext context;
    private static ProducerTemplate template;
    private static ProgressComponent progress;
    private static HttpServer pages;

    @BeforeAll
    static void start() throws Exception {
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/", exchange -> {
            byte[] page = PAGE.replace("STREAMS", "http://127.0.0.1:" + progress.httpHost().port() + "/progress")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        pages.start();
        context = new DefaultCamelContext();
        progress = new ProgressComponent();
        progress.setHost("127.0.0.1");
        progress.setPort(0);
        progress.setTicketSecret("the cross-origin test's secret, 32 bytes or more");
        progress.setAllowedOrigins("http://127.0.0.1:" + pages.getAddress().getPort());
        context.addComponent("progress", progress);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("progress:jobs");
                from("progress:jobs").to("mock:commands");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        context.stop();
        pages.stop(0);
    }

    /** The page: the client from the streams' origin, one subscription per transport, what it heard in window.heard. */
    private static final String PAGE = """
            <!doctype html><title>another origin</title>
            <script type="module">
              const params = new URLSearchParams(location.search);
              window.heard = [];
              window.failures = [];
              try {
                const { subscribe } = await import('STREAMS/_client.js');
                window.subscription = subscribe(params.get('stream'), {
                  onEvent: (e) => window.heard.push(e.data),
                  onError: (e) => window.failures.push(e.status + ' ' + e.message),
                }, { transport: params.get('transport'), ticket: params.get('ticket') });
              } catch (e) {
                window.failures.push('import: ' + e.name);
              }
              window.loaded = true;
            </script>
            """;

    private static String publish(String job, String body) {
        Exchange exchange = template.request("direct:publish", e -> {
            e.getMessage().setHeader(ProgressConstants.STREAM_ID, job);
            e.getMessage().setBody(body);
        });
        return exchange.getMessage().getHeader(ProgressConstants.TICKET, String.class);
    }

    private static String page(String origin, String transport, String job, String ticket) {
        return origin + ":" + pages.getAddress().getPort() + "/?transport=" + transport + "&stream=jobs/" + job + "&ticket="
               + java.net.URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sse", "ws", "poll" })
    void aPageOfAnAllowedOriginReadsItsPrivateStreamAndSends(String transport) throws Exception {
        String job = "cross-" + transport;
        String ticket = publish(job, "first");
        try (HeadlessChromium page = HeadlessChromium.open(page("http://127.0.0.1", transport, job, ticket))) {
            page.awaitTrue("window.heard.length === 1", WAIT);
            publish(job, "second");
            page.awaitTrue("window.heard.length === 2", WAIT);
            assertEquals(List.of("first", "second"), List.of(page.evaluate("window.heard[0]", WAIT).asText(),
                    page.evaluate("window.heard[1]", WAIT).asText()));
            assertEquals(0, page.evaluate("window.failures.length", WAIT).asInt());

            MockEndpoint commands = context.getEndpoint("mock:commands", MockEndpoint.class);
            commands.reset();
            commands.expectedBodiesReceived("{\"cancel\":true}");
            // a JSON POST across origins is preflighted; over a WebSocket it is a frame
            page.evaluate("window.subscription.send({ cancel: true }).then(() => true)", WAIT);
            commands.assertIsSatisfied(WAIT.toMillis());
        }
    }

    @Test
    void aPageOfAnotherOriginReadsNothing() throws Exception {
        String ticket = publish("elsewhere", "not for that page");
        // localhost and 127.0.0.1 are different origins; only the latter is allowed
        try (HeadlessChromium page = HeadlessChromium.open(page("http://localhost", "sse", "elsewhere", ticket))) {
            page.awaitTrue("window.loaded === true", WAIT);
            assertEquals("import: TypeError", page.evaluate("window.failures[0]", WAIT).asText(),
                    "the client script itself is not readable by that origin");
            String url = "'http://127.0.0.1:" + progress.httpHost().port() + "/progress/jobs/elsewhere?ticket="
                         + java.net.URLEncoder.encode(ticket, StandardCharsets.UTF_8) + "'";
            assertEquals("TypeError", page.evaluate("fetch(" + url + ", { headers: { Accept: 'application/json' } })"
                                                    + ".then(() => 'read', (e) => e.name)", WAIT).asText());
            assertEquals(2, page.evaluate("new Promise((done) => { const es = new EventSource(" + url + ");"
                                          + " es.onerror = () => { done(es.readyState); es.close(); }; })", WAIT).asInt(),
                    "EventSource fails for good (CLOSED) without the CORS grant");
        }
    }
}
