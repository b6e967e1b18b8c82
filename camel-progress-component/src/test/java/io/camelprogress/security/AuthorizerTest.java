package io.camelprogress.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelprogress.component.ProgressComponent;
import io.camelprogress.testing.SseTestClient;
import io.camelprogress.testing.TestComponents;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import io.camelprogress.testing.CapturedLogs;
import io.camelprogress.testing.PlainHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A {@link ProgressAuthorizer} from the registry decides, alone or after the ticket; black-box over loopback. */
@Timeout(30)
class AuthorizerTest {

    @RegisterExtension
    static final CapturedLogs LOGS = TicketsInLogs.capture();

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "a test secret that is long enough for HMAC";

    private final List<AccessRequest> seen = new CopyOnWriteArrayList<>();
    private CamelContext context;
    private ProgressComponent component;

    /** Tenant "acme" (cookie session=acme) may read and send to channel acme; a request without a session is unauthenticated. */
    private AccessDecision tenantRule(AccessRequest request) {
        seen.add(request);
        String session = request.cookie("session");
        if (session == null) {
            return AccessDecision.unauthenticated("Log in first");
        }
        boolean own = request.streams().stream().allMatch(s -> s.startsWith(session + "/"))
                && request.channels().stream().allMatch(session::equals);
        return own ? AccessDecision.allow() : AccessDecision.deny("Not your tenant's stream");
    }

    private void start(ProgressAuthorizer authorizer, String ticketSecret) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("tenants", ProgressAuthorizer.class, authorizer);
        component = TestComponents.addProgress(context, c -> c.setTicketSecret(ticketSecret));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:acme").setHeader("CamelProgressStreamId", constant("job")).to("progress:acme");
            }
        });
        context.start();
    }

    @AfterAll
    static void noTicketWasLogged() {
        TicketsInLogs.assertNoTicket(LOGS, "The authorizer", "hunter2");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + TestComponents.port(component) + "/progress/" + pathAndQuery;
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        return PlainHttp.get(url, headers);
    }

    @Test
    void theRegistrysAuthorizerDecidesAndSeesTheRequest() throws Exception {
        start(this::tenantRule, null);
        assertNotNull(component.getAuthorizer(), "the one authorizer in the registry is taken");
        context.createProducerTemplate().sendBody("direct:acme", "working");

        HttpResponse<String> anonymous = get(url("acme/job"), Map.of());
        assertEquals(401, anonymous.statusCode());
        assertEquals("Log in first\n", anonymous.body());
        HttpResponse<String> otherTenant = get(url("acme/job"), Map.of("Cookie", "session=globex"));
        assertEquals(403, otherTenant.statusCode());
        assertEquals("Not your tenant's stream\n", otherTenant.body());

        try (SseTestClient own = SseTestClient.open(url("acme/job"), Map.of("Cookie", "session=acme", "X-Tenant-Hint", "yes"))) {
            assertEquals(200, own.status());
            assertEquals("working", own.events(1, WAIT).get(0).data());
        }
        AccessRequest allowed = seen.get(seen.size() - 1);
        assertEquals(AccessRequest.Action.SUBSCRIBE, allowed.action());
        assertEquals("sse", allowed.transport());
        assertEquals(java.util.Set.of("acme/job"), allowed.streams());
        assertEquals("yes", allowed.header("X-Tenant-Hint"));
        assertEquals("127.0.0.1", allowed.clientAddress());
        assertNull(allowed.ticket(), "no ticket without ticketSecret");

        assertEquals(403, get(url("acme/*"), Map.of("Cookie", "session=globex")).statusCode());
        assertEquals(200, get(url("acme/job"), Map.of("Cookie", "session=acme", "Accept", "application/json")).statusCode());
        assertEquals("snapshot", seen.get(seen.size() - 1).transport());
    }

    @Test
    void withTicketsBothMustAllowAndTheAuthorizerSeesTheTicket() throws Exception {
        start(this::tenantRule, SECRET);
        context.createProducerTemplate().sendBody("direct:acme", "working");
        String ticket = component.tickets().issue("acme/job");

        assertEquals(401, get(url("acme/job"), Map.of("Cookie", "session=acme")).statusCode(), "the ticket comes first");
        assertEquals(0, seen.size(), "the authorizer is not asked about a request without a valid ticket");
        assertEquals(403, get(url("acme/job?ticket=" + ticket), Map.of("Cookie", "session=globex")).statusCode());
        assertEquals(200, get(url("acme/job?ticket=" + ticket), Map.of("Cookie", "session=acme", "Accept", "application/json")).statusCode());
        StreamTicket checked = seen.get(seen.size() - 1).ticket();
        assertEquals(List.of("acme/job"), checked.scope().entries());
    }

    @Test
    void aFailingAuthorizerRefusesWithoutQuotingTheRequest() throws Exception {
        start(request -> {
            throw new IllegalStateException("boom with " + request.header("Authorization"));
        }, null);
        HttpResponse<String> refused = get(url("acme/job"), Map.of("Authorization", "Bearer hunter2"));
        assertEquals(403, refused.statusCode());
        assertEquals("Refused: the authorizer failed\n", refused.body());
    }

    @Test
    void aWebSocketMayReadButNotSendWhenTheAuthorizerRefusesSends() throws Exception {
        start(request -> request.action() == AccessRequest.Action.SEND ? AccessDecision.deny("Viewers cannot send")
                : AccessDecision.allow(), null);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("progress:acme").to("mock:sent");
            }
        });
        context.createProducerTemplate().sendBody("direct:acme", "working");
        try (io.camelprogress.testing.WsTestClient ws = io.camelprogress.testing.WsTestClient.open(url("acme/job").replace("http:", "ws:"))) {
            assertEquals("working", ws.next(WAIT).get("data").asText(), "reading is allowed");
            ws.send("cancel");
            assertEquals(1008, ws.awaitClose(WAIT), "a frame is a send, and sends are refused");
        }
        assertEquals(0, context.getEndpoint("mock:sent", org.apache.camel.component.mock.MockEndpoint.class).getReceivedCounter());
    }

    @Test
    void aDecisionIsAllowOr401Or403() {
        assertSame(AccessDecision.allow(), AccessDecision.allow());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new AccessDecision(500, "no"));
    }
}
