package io.camelprogress.component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelprogress.backplane.Backplane;
import io.camelprogress.backplane.LocalBackplane;
import io.camelprogress.backplane.kafka.KafkaBackplanes;
import io.camelprogress.hub.Hub;
import io.camelprogress.hub.HubLimits;
import io.camelprogress.hub.SlowConsumerPolicy;
import io.camelprogress.management.ProgressView;
import io.camelprogress.security.AccessGuard;
import io.camelprogress.security.ProgressAuthorizer;
import io.camelprogress.security.ProgressTickets;
import io.camelprogress.transport.ConnectionRegistry;
import io.camelprogress.transport.HttpHostFactory;
import io.camelprogress.transport.ProgressRequests;
import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.TransportMetrics;
import io.camelprogress.transport.RequestLimits;
import io.camelprogress.transport.TransportSettings;
import io.camelprogress.transport.vertx.OwnServerSettings;
import io.camelprogress.transport.vertx.VertxHttpHost;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code progress:} component. It owns one hub (the streams and their subscribers), the
 * backplane that gives events their ids, and the HTTP host that serves browsers.
 */
@Component("progress")
public class ProgressComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(label = "http", defaultValue = "/progress", description = "The path under which streams are served.")
    private String basePath = "/progress";
    @Metadata(label = "http", defaultValue = "true",
              description = "Serve on the platform-http Vert.x router (same port as platform-http routes) when the application has one.")
    private boolean attachToPlatformHttp = true;
    @Metadata(label = "http", defaultValue = "0.0.0.0", description = "Host of the component's own HTTP server (used when there is no platform-http router).")
    private String host = "0.0.0.0";
    @Metadata(label = "http", defaultValue = "8085", description = "Port of the component's own HTTP server (used when there is no platform-http router); 0 picks a free port.")
    private int port = 8085;
    @Metadata(label = "security",
              description = "TLS of the component's own HTTP server (HTTP/2 and HTTP/1.1 are then offered through ALPN). Not used on"
                            + " platform-http, whose server has its own (camel.server.useGlobalSslContextParameters).")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's SSLContextParameters (the camel.ssl options) for the component's own HTTP server when"
                            + " sslContextParameters is not set; starting fails when the context has none.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "http", defaultValue = "false",
              description = "Also accept cleartext HTTP/2 (h2c, by prior knowledge or Upgrade: h2c) on the component's own HTTP server"
                            + " when it has no TLS.")
    private boolean http2ClearText;
    @Metadata(label = "sse", defaultValue = "15000", javaType = "java.time.Duration",
              description = "How long a connection may stay silent before a heartbeat is sent.")
    private long heartbeatInterval = 15_000;
    @Metadata(label = "sse", defaultValue = "3000", javaType = "java.time.Duration",
              description = "The reconnection delay sent as retry: (with up to 20% jitter either way).")
    private long retryInterval = 3_000;
    @Metadata(label = "sse", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The retry: sent when a connection bound is reached and the connection is closed at once.")
    private long overloadRetryInterval = 30_000;
    @Metadata(label = "sse", defaultValue = "true",
              description = "Whether a client connecting without a last event id first receives the stream's retained events.")
    private boolean replayOnConnect = true;
    @Metadata(label = "bounds", defaultValue = "1000", description = "Events retained per stream for replay.")
    private int maxEventsPerStream = 1000;
    @Metadata(label = "bounds", defaultValue = "1048576", description = "Bytes retained per stream for replay; the oldest events go first.")
    private long maxBytesPerStream = 1_048_576;
    @Metadata(label = "bounds", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "How long an event is retained for replay.")
    private long maxEventAge = 3_600_000;
    @Metadata(label = "bounds", defaultValue = "10000",
              description = "Streams held at once. A new stream beyond it reclaims the oldest completed or empty stream, else the exchange fails.")
    private int maxStreams = 10_000;
    @Metadata(label = "bounds", defaultValue = "300000", javaType = "java.time.Duration",
              description = "How long a completed stream is kept for late reconnects.")
    private long completedStreamTtl = 300_000;
    @Metadata(label = "bounds", defaultValue = "1000",
              description = "Live events queued for one subscriber; past it the subscriber reads the log instead (or its slowConsumerPolicy applies).")
    private int maxPendingEvents = 1000;
    @Metadata(label = "bounds", defaultValue = "lag",
              description = "What happens to a subscriber that falls behind: lag (it reads the retained log at its own pace and gets every event"
                            + " still retained, with a reset of reason lagged for those that were not), coalesce (while its socket is backed up,"
                            + " latest wins per stream and event name, announced by a reset of reason coalesced) or disconnect (while its socket"
                            + " is backed up, it is closed and resumes by replay). Terminal events are never dropped.")
    private SlowConsumerPolicy slowConsumerPolicy = SlowConsumerPolicy.lag;
    @Metadata(label = "bounds", defaultValue = "10000", description = "Streaming connections held at once.")
    private int maxConnections = 10_000;
    @Metadata(label = "bounds", defaultValue = "0",
              description = "Streaming connections held at once per client address; 0 for no bound. Behind a reverse proxy every browser has the"
                            + " proxy's address unless the proxy is listed in trustedProxies.")
    private int maxConnectionsPerAddress;
    @Metadata(label = "security",
              description = "Addresses or CIDR blocks (comma-separated, as in 10.0.0.0/8,::1) of reverse proxies whose Forwarded or X-Forwarded-For"
                            + " client address is believed; per-address bounds and the client address of messages then use it.")
    private String trustedProxies;
    @Metadata(label = "bounds", defaultValue = "8192", description = "Bytes of request headers accepted; larger requests get 431.")
    private int maxHeaderSize = 8192;
    @Metadata(label = "bounds", defaultValue = "65536", description = "Bytes of data in one event; larger events fail their exchange.")
    private int maxEventSize = 65_536;
    @Metadata(label = "websocket", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long a WebSocket peer may take to answer a ping before it is closed.")
    private long pongTimeout = 10_000;
    @Metadata(label = "security",
              description = "Origins (comma-separated, as in https://app.example.com; an asterisk allows any) whose pages may read streams"
                            + " (CORS: SSE, long-poll, snapshot), POST and open WebSockets, besides the server's own."
                            + " Requests without an Origin header (non-browser clients) are allowed.")
    private String allowedOrigins;
    @Metadata(label = "security", defaultValue = "false",
              description = "Whether pages of the allowedOrigins may send cookies and credentials (Access-Control-Allow-Credentials),"
                            + " as EventSource with withCredentials and fetch with credentials include do.")
    private boolean allowCredentials;
    @Metadata(label = "security", secret = true,
              description = "Makes every stream private: with a secret of at least 32 bytes set (the same on every node), each subscribe and"
                            + " POST needs a ticket signed with it (HMAC-SHA256) that covers the streams it names, given as the ticket query"
                            + " parameter, the progress_ticket cookie or an Authorization Bearer header. Every producer exchange gets a ticket"
                            + " for its stream in header CamelProgressTicket, and bean progressTickets issues others.")
    private String ticketSecret;
    @Metadata(label = "security", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "How long a ticket issued without a lifetime of its own (the producer's CamelProgressTicket) stays valid.")
    private long ticketTtl = 3_600_000;
    @Metadata(label = "security", autowired = true,
              description = "The application's rule for who may subscribe and POST (it sees the streams, transport, headers, cookies and"
                            + " client address); taken from the registry when there is exactly one. With ticketSecret set too, both must allow.")
    private ProgressAuthorizer authorizer;
    @Metadata(label = "bounds", defaultValue = "65536",
              description = "Bytes of one message from a browser (WebSocket message or POST body); a larger WebSocket message closes with 1009, a larger POST gets 413.")
    private int maxUpstreamMessageSize = 65_536;
    @Metadata(label = "bounds", defaultValue = "0",
              description = "Subscribes (SSE, WebSocket, long-poll and snapshot requests, those refused for their ticket included) per second"
                            + " per client address, in bursts of up to twice as many; 0 for no bound. Past it SSE gets 200 with the overload retry: and ends, a WebSocket closes with"
                            + " 1013 (try again later), long-poll and snapshot get 429 with Retry-After. Behind a reverse proxy every browser"
                            + " has the proxy's address unless the proxy is listed in trustedProxies.")
    private int subscribeRatePerAddress;
    @Metadata(label = "bounds", defaultValue = "0",
              description = "POSTs per second per client address, in bursts of up to twice as many; 0 for no bound. Past it a POST gets 429"
                            + " with Retry-After. Behind a reverse proxy every browser has the proxy's address unless the proxy is listed in"
                            + " trustedProxies.")
    private int postRatePerAddress;
    @Metadata(label = "bounds", defaultValue = "100",
              description = "WebSocket messages per second from one connection, in bursts of up to twice as many; 0 for no bound. A"
                            + " connection sending faster is closed with 1008 (policy violation).")
    private int upstreamRatePerConnection = 100;
    @Metadata(label = "bounds", defaultValue = "64",
              description = "Streams one request may name (in the path and in stream parameters; a channel wildcard counts as one). More"
                            + " get 400 (a WebSocket: closed with 1008).")
    private int maxStreamsPerConnection = 64;
    @Metadata(label = "bounds", defaultValue = "10000",
              description = "Client addresses whose subscribe and POST rates are tracked; beyond them the address seen longest ago is"
                            + " forgotten, and starts again with a full burst.")
    private int maxTrackedAddresses = 10_000;
    @Metadata(label = "http", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long a client may take to send a request line and headers on the component's own server, from the"
                            + " connection's start or a further request's first byte; a slower client gets 408 and is closed. On the"
                            + " platform-http server it does not apply: bound it at the reverse proxy.")
    private long requestHeadTimeout = 10_000;
    @Metadata(label = "longpoll", defaultValue = "25000", javaType = "java.time.Duration",
              description = "How long a long-poll is held when no event comes; also the longest a client may ask for with the timeout query parameter.")
    private long longPollTimeout = 25_000;
    @Metadata(label = "backplane", defaultValue = "local",
              description = "What gives events their ids and carries them between nodes: local (one node) or kafka (many nodes sharing one topic;"
                            + " needs camel-kafka).")
    private BackplaneType backplane = BackplaneType.local;
    @Metadata(label = "backplane", description = "Kafka brokers of the backplane; by default those of the Kafka component (camel.component.kafka.brokers).")
    private String kafkaBrokers;
    @Metadata(label = "backplane", defaultValue = "camel-progress", description = "The backplane topic; created with one partition when missing.")
    private String kafkaTopic = "camel-progress";
    @Metadata(label = "backplane", defaultValue = "kafka",
              description = "The Kafka component whose settings (security, client properties and every other camel.component.kafka option) the backplane uses.")
    private String kafkaComponent = "kafka";
    @Metadata(label = "backplane", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long a publish waits for the broker's acknowledgement before its exchange fails.")
    private long kafkaPublishTimeout = 10_000;
    @Metadata(label = "backplane", defaultValue = "10000",
              description = "How many of the topic's newest events a starting node reads into memory before it serves.")
    private int kafkaRebuildEvents = 10_000;
    @Metadata(label = "backplane", defaultValue = "4",
              description = "Replays from the topic (clients resuming from further back than memory) running at once; more wait in line.")
    private int kafkaMaxReplays = 4;
    @Metadata(label = "backplane", defaultValue = "false",
              description = "Whether every publish waits for the broker's acknowledgement and gets its CamelProgressEventId. By default only"
                            + " terminal events wait, which vouches for every event before them; the others complete once handed to the"
                            + " Kafka producer, so a sequential route is not held up by each round trip.")
    private boolean kafkaAckEveryEvent;
    @Metadata(label = "advanced", description = "A backplane of your own, used instead of the one named by the backplane option.")
    private Backplane customBackplane;
    @Metadata(label = "advanced", autowired = true,
              description = "Serves the streams on another HTTP host than the component's Vert.x one: the servlet host"
                            + " (io.camelprogress.transport.servlet.ProgressServlet, which the Spring Boot starter registers) on"
                            + " the application's own port. When set, the component opens no port of its own and"
                            + " attachToPlatformHttp, host, port and the TLS options of its own server are not used.")
    private HttpHostFactory httpHostFactory;

    private ProgressRuntime runtime;

    private static final String PLATFORM_HTTP = "platform-http";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ProgressEndpoint endpoint = new ProgressEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private Backplane createBackplane() {
        if (customBackplane != null) {
            return customBackplane;
        }
        if (backplane == BackplaneType.kafka) {
            return KafkaBackplanes.create(getCamelContext(), kafkaComponent, kafkaBrokers, kafkaTopic, kafkaPublishTimeout,
                    kafkaRebuildEvents, kafkaMaxReplays, kafkaAckEveryEvent);
        }
        return new LocalBackplane(System::currentTimeMillis);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (getCamelContext().getRegistry().lookupByName(ProgressTicketsBean.NAME) == null) {
            getCamelContext().getRegistry().bind(ProgressTicketsBean.NAME, ProgressTicketsBean.class, new ProgressTicketsBean(this));
        }
        if (getCamelContext().getRegistry().lookupByName(ProgressLinesBean.NAME) == null) {
            getCamelContext().getRegistry().bind(ProgressLinesBean.NAME, ProgressLinesBean.class, new ProgressLinesBean());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (attachToPlatformHttp) {
            requestPlatformHttpServer();
        }
        // built at start, not at init: Camel Main binds the options after it has created (and initialized) the component
        HubLimits limits = new HubLimits(maxEventsPerStream, maxBytesPerStream, maxEventAge, maxStreams,
                completedStreamTtl, maxPendingEvents, slowConsumerPolicy);
        Hub hub = new Hub(limits, System::currentTimeMillis, replayOnConnect);
        TransportSettings settings = new TransportSettings(basePath, heartbeatInterval, retryInterval,
                overloadRetryInterval, maxConnections, maxConnectionsPerAddress, EventDraftFactory.parseList(trustedProxies).stream().toList(),
                maxHeaderSize, pongTimeout, EventDraftFactory.parseList(allowedOrigins), maxUpstreamMessageSize, longPollTimeout,
                allowCredentials, new RequestLimits(subscribeRatePerAddress, postRatePerAddress, upstreamRatePerConnection,
                        maxStreamsPerConnection, maxTrackedAddresses, requestHeadTimeout));
        ProgressTickets tickets = ticketSecret == null ? null : new ProgressTickets(ticketSecret, Duration.ofMillis(ticketTtl), System::currentTimeMillis);
        AccessGuard guard = new AccessGuard(tickets, authorizer);
        ConnectionRegistry connections = new ConnectionRegistry();
        UpstreamRouter upstream = new UpstreamRouter();
        TransportMetrics metrics = new TransportMetrics();
        HttpHost host = httpHostFactory != null
                ? httpHostFactory.create(getCamelContext(), new ProgressRequests(hub, settings, connections, upstream, guard, metrics))
                : new VertxHttpHost(getCamelContext(), hub, settings, connections, upstream, guard, metrics, attachToPlatformHttp,
                        new OwnServerSettings(this.host, port, serverTls(), http2ClearText));
        runtime = new ProgressRuntime(getDefaultName(), getCamelContext(), hub, limits, createBackplane(),
                new EventDraftFactory(new ObjectMapper(), maxEventSize), connections, upstream, host, tickets, guard, metrics,
                operatorSettings(tickets != null));
        ServiceHelper.startService(runtime);
    }

    /** The modes and limits in force, as the start line, the dev console and JMX show them. */
    private Map<String, Object> operatorSettings(boolean tickets) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxConnections", maxConnections);
        limits.put("maxConnectionsPerAddress", maxConnectionsPerAddress);
        limits.put("maxStreams", maxStreams);
        limits.put("maxEventsPerStream", maxEventsPerStream);
        limits.put("maxBytesPerStream", maxBytesPerStream);
        limits.put("maxEventAge", maxEventAge + "ms");
        limits.put("maxPendingEvents", maxPendingEvents);
        limits.put("slowConsumerPolicy", slowConsumerPolicy.name());
        limits.put("heartbeatInterval", heartbeatInterval + "ms");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("backplane", customBackplane != null ? customBackplane.getClass().getSimpleName() : backplane.name());
        settings.put("security", tickets && authorizer != null ? "private (tickets and authorizer)" : tickets ? "private (tickets)"
                : authorizer != null ? "private (authorizer)" : "public");
        settings.put("limits", limits);
        return Map.copyOf(settings);
    }

    /** What operators look at of the started component, else null. */
    ProgressView view() {
        return runtime == null || !runtime.isStarted() ? null : runtime.view();
    }

    /** The TLS of the own server: the component's, else the context's when asked for, else none. */
    private SSLContextParameters serverTls() {
        if (sslContextParameters != null) {
            return sslContextParameters;
        }
        if (!useGlobalSslContextParameters) {
            return null;
        }
        SSLContextParameters global = retrieveGlobalSslContextParameters();
        if (global == null) {
            // serving cleartext where TLS was asked for would be worse than not starting
            throw new IllegalArgumentException("useGlobalSslContextParameters is true but the CamelContext has no SSLContextParameters:"
                                               + " configure camel.ssl.* (or CamelContext.setSSLContextParameters), or set"
                                               + " sslContextParameters on the progress component");
        }
        return global;
    }

    /**
     * Camel JBang (and the KameletMain it runs) starts its HTTP server when the platform-http
     * component is first resolved: resolving it here serves the streams on JBang's port even when
     * no route uses platform-http. Elsewhere resolving it starts nothing; Camel Main serves with
     * camel.server.enabled=true.
     */
    private void requestPlatformHttpServer() {
        if (getCamelContext().hasComponent(PLATFORM_HTTP) == null) {
            getCamelContext().getComponent(PLATFORM_HTTP, true);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(runtime);
        super.doStop();
    }

    /** What the started component runs. */
    ProgressRuntime runtime() {
        if (runtime == null || !runtime.isStarted()) {
            throw new IllegalStateException("The progress component is not started");
        }
        return runtime;
    }

    /** The hub of this component: streams, logs and subscriptions. */
    public Hub hub() {
        return runtime().hub();
    }

    /** The ticket issuer when {@code ticketSecret} is set (bean {@code progressTickets} issues through it), else null. */
    public ProgressTickets tickets() {
        return runtime().tickets();
    }

    /** The backplane in use. */
    public Backplane backplane() {
        return runtime().backplane();
    }

    /** The HTTP host, once it serves; else null. */
    public HttpHost httpHost() {
        return runtime == null ? null : runtime.httpHost();
    }

    /** The open streaming connections, by the key a route answers them with. */
    public ConnectionRegistry connections() {
        return runtime().connections();
    }

    public String getBasePath() {
        return basePath;
    }

    /** The path under which streams are served. */
    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public boolean isAttachToPlatformHttp() {
        return attachToPlatformHttp;
    }

    /**
     * Serve on the platform-http Vert.x router (same port as platform-http routes) when the
     * application has one; else, or when false, the component starts its own Vert.x HTTP server.
     */
    public void setAttachToPlatformHttp(boolean attachToPlatformHttp) {
        this.attachToPlatformHttp = attachToPlatformHttp;
    }

    public String getHost() {
        return host;
    }

    /** Host of the component's own HTTP server (used when there is no platform-http router). */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /** Port of the component's own HTTP server (used when there is no platform-http router); 0 picks a free port. */
    public void setPort(int port) {
        this.port = port;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS of the component's own HTTP server (HTTP/2 and HTTP/1.1 are then offered through ALPN). Not
     * used on platform-http, whose server has its own.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the CamelContext's SSLContextParameters (camel.ssl.*) for the component's own HTTP server
     * when sslContextParameters is not set.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public boolean isHttp2ClearText() {
        return http2ClearText;
    }

    /** Also accept cleartext HTTP/2 (h2c) on the component's own HTTP server when it has no TLS. */
    public void setHttp2ClearText(boolean http2ClearText) {
        this.http2ClearText = http2ClearText;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    /** How long a connection may stay silent before a heartbeat is sent. */
    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public long getRetryInterval() {
        return retryInterval;
    }

    /** The reconnection delay sent as retry: (with up to 20% jitter either way). */
    public void setRetryInterval(long retryInterval) {
        this.retryInterval = retryInterval;
    }

    public long getOverloadRetryInterval() {
        return overloadRetryInterval;
    }

    /** The retry: sent when a connection bound is reached and the connection is closed at once. */
    public void setOverloadRetryInterval(long overloadRetryInterval) {
        this.overloadRetryInterval = overloadRetryInterval;
    }

    public boolean isReplayOnConnect() {
        return replayOnConnect;
    }

    /** Whether a client connecting without a last event id first receives the stream's retained events. */
    public void setReplayOnConnect(boolean replayOnConnect) {
        this.replayOnConnect = replayOnConnect;
    }

    public int getMaxEventsPerStream() {
        return maxEventsPerStream;
    }

    /** Events retained per stream for replay. */
    public void setMaxEventsPerStream(int maxEventsPerStream) {
        this.maxEventsPerStream = maxEventsPerStream;
    }

    public long getMaxBytesPerStream() {
        return maxBytesPerStream;
    }

    /** Bytes retained per stream for replay; the oldest events go first. */
    public void setMaxBytesPerStream(long maxBytesPerStream) {
        this.maxBytesPerStream = maxBytesPerStream;
    }

    public long getMaxEventAge() {
        return maxEventAge;
    }

    /** How long an event is retained for replay. */
    public void setMaxEventAge(long maxEventAge) {
        this.maxEventAge = maxEventAge;
    }

    public int getMaxStreams() {
        return maxStreams;
    }

    /**
     * Streams held at once. A new stream beyond it reclaims the oldest completed or empty stream,
     * else the exchange fails.
     */
    public void setMaxStreams(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    public long getCompletedStreamTtl() {
        return completedStreamTtl;
    }

    /** How long a completed stream is kept for late reconnects. */
    public void setCompletedStreamTtl(long completedStreamTtl) {
        this.completedStreamTtl = completedStreamTtl;
    }

    public int getMaxPendingEvents() {
        return maxPendingEvents;
    }

    /** Live events queued for one subscriber that does not keep up. */
    public void setMaxPendingEvents(int maxPendingEvents) {
        this.maxPendingEvents = maxPendingEvents;
    }

    public SlowConsumerPolicy getSlowConsumerPolicy() {
        return slowConsumerPolicy;
    }

    /**
     * What happens when a subscriber's queue is full: coalesce (keep the newest non-terminal event
     * per stream and event name) or disconnect (the client resumes by replay).
     */
    public void setSlowConsumerPolicy(SlowConsumerPolicy slowConsumerPolicy) {
        this.slowConsumerPolicy = slowConsumerPolicy;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** Streaming connections held at once. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public int getMaxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** Streaming connections held at once per client address. */
    public void setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    }

    public int getMaxHeaderSize() {
        return maxHeaderSize;
    }

    /** Bytes of request headers accepted; larger requests get 431. */
    public void setMaxHeaderSize(int maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    public int getMaxEventSize() {
        return maxEventSize;
    }

    /** Bytes of data in one event; larger events fail their exchange. */
    public void setMaxEventSize(int maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    public long getPongTimeout() {
        return pongTimeout;
    }

    /** How long a WebSocket peer may take to answer a ping before it is closed. */
    public void setPongTimeout(long pongTimeout) {
        this.pongTimeout = pongTimeout;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    /**
     * Origins (as in https://app.example.com, comma-separated, or *) whose pages may read streams
     * (CORS), POST and open WebSockets besides the server's own. Requests without an Origin header
     * (non-browser clients) are allowed.
     */
    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public boolean isAllowCredentials() {
        return allowCredentials;
    }

    /** Whether pages of the allowed origins may send cookies and credentials (see the option's description). */
    public void setAllowCredentials(boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }

    public String getTicketSecret() {
        return ticketSecret;
    }

    /** The secret that signs stream tickets; setting it makes every stream private (see the option's description). */
    public void setTicketSecret(String ticketSecret) {
        this.ticketSecret = ticketSecret;
    }

    public long getTicketTtl() {
        return ticketTtl;
    }

    /** The lifetime of the producer's tickets, in milliseconds. */
    public void setTicketTtl(long ticketTtl) {
        this.ticketTtl = ticketTtl;
    }

    public ProgressAuthorizer getAuthorizer() {
        return authorizer;
    }

    /** The application's rule for who may subscribe and send. */
    public void setAuthorizer(ProgressAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    public int getMaxUpstreamMessageSize() {
        return maxUpstreamMessageSize;
    }

    /**
     * Bytes of one message from a browser (WebSocket message or POST body); a larger WebSocket
     * message closes with 1009, a larger POST gets 413.
     */
    public void setMaxUpstreamMessageSize(int maxUpstreamMessageSize) {
        this.maxUpstreamMessageSize = maxUpstreamMessageSize;
    }

    public int getSubscribeRatePerAddress() {
        return subscribeRatePerAddress;
    }

    /**
     * Subscribes (SSE, WebSocket, long-poll and snapshot requests, those refused for their ticket
     * included) per second per client address, in bursts of up to twice as many; 0 for no bound. Past it SSE gets 200 with the overload
     * {@code retry:} and ends, a WebSocket closes with 1013, long-poll and snapshot get 429.
     */
    public void setSubscribeRatePerAddress(int subscribeRatePerAddress) {
        this.subscribeRatePerAddress = subscribeRatePerAddress;
    }

    public int getPostRatePerAddress() {
        return postRatePerAddress;
    }

    /** POSTs per second per client address, in bursts of up to twice as many; 0 for no bound. Past it a POST gets 429. */
    public void setPostRatePerAddress(int postRatePerAddress) {
        this.postRatePerAddress = postRatePerAddress;
    }

    public int getUpstreamRatePerConnection() {
        return upstreamRatePerConnection;
    }

    /** WebSocket messages per second from one connection, in bursts of up to twice as many; 0 for no bound. Past it: close 1008. */
    public void setUpstreamRatePerConnection(int upstreamRatePerConnection) {
        this.upstreamRatePerConnection = upstreamRatePerConnection;
    }

    public int getMaxStreamsPerConnection() {
        return maxStreamsPerConnection;
    }

    /** Streams one request may name (a channel wildcard counts as one); more get 400, or close 1008 on a WebSocket. */
    public void setMaxStreamsPerConnection(int maxStreamsPerConnection) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
    }

    public int getMaxTrackedAddresses() {
        return maxTrackedAddresses;
    }

    /** Client addresses whose subscribe and POST rates are tracked; beyond them the address seen longest ago is forgotten. */
    public void setMaxTrackedAddresses(int maxTrackedAddresses) {
        this.maxTrackedAddresses = maxTrackedAddresses;
    }

    public long getRequestHeadTimeout() {
        return requestHeadTimeout;
    }

    /**
     * How long a client may take to send a request line and headers on the component's own server;
     * a slower client gets 408 and is closed. Not applied on the platform-http server.
     */
    public void setRequestHeadTimeout(long requestHeadTimeout) {
        this.requestHeadTimeout = requestHeadTimeout;
    }

    public long getLongPollTimeout() {
        return longPollTimeout;
    }

    /** How long a long-poll is held when no event comes; also the longest a client may ask for with the timeout query parameter. */
    public void setLongPollTimeout(long longPollTimeout) {
        this.longPollTimeout = longPollTimeout;
    }

    public BackplaneType getBackplane() {
        return backplane;
    }

    /**
     * What gives events their ids and carries them between nodes: local (one node) or kafka (many
     * nodes sharing one topic; needs camel-kafka).
     */
    public void setBackplane(BackplaneType backplane) {
        this.backplane = backplane;
    }

    public String getKafkaBrokers() {
        return kafkaBrokers;
    }

    /** Kafka brokers of the backplane; by default those of the Kafka component (camel.component.kafka.brokers). */
    public void setKafkaBrokers(String kafkaBrokers) {
        this.kafkaBrokers = kafkaBrokers;
    }

    public String getKafkaTopic() {
        return kafkaTopic;
    }

    /** The backplane topic; created with one partition when missing. */
    public void setKafkaTopic(String kafkaTopic) {
        this.kafkaTopic = kafkaTopic;
    }

    public String getKafkaComponent() {
        return kafkaComponent;
    }

    /**
     * The Kafka component whose settings (security, client properties, all camel.component.kafka.*
     * options) the backplane uses.
     */
    public void setKafkaComponent(String kafkaComponent) {
        this.kafkaComponent = kafkaComponent;
    }

    public long getKafkaPublishTimeout() {
        return kafkaPublishTimeout;
    }

    /** How long a publish waits for the broker's acknowledgement before its exchange fails. */
    public void setKafkaPublishTimeout(long kafkaPublishTimeout) {
        this.kafkaPublishTimeout = kafkaPublishTimeout;
    }

    public int getKafkaRebuildEvents() {
        return kafkaRebuildEvents;
    }

    /** How many of the topic's newest events a starting node reads into memory before it serves. */
    public void setKafkaRebuildEvents(int kafkaRebuildEvents) {
        this.kafkaRebuildEvents = kafkaRebuildEvents;
    }

    public int getKafkaMaxReplays() {
        return kafkaMaxReplays;
    }

    /** Replays from the topic (clients resuming from further back than memory) running at once; more wait in line. */
    public void setKafkaMaxReplays(int kafkaMaxReplays) {
        this.kafkaMaxReplays = kafkaMaxReplays;
    }

    public boolean isKafkaAckEveryEvent() {
        return kafkaAckEveryEvent;
    }

    /**
     * Whether every publish waits for the broker's acknowledgement and gets its CamelProgressEventId.
     * By default only terminal events wait, which vouches for every event before them; the others
     * complete once handed to the Kafka producer, so a sequential route is not held up by each round trip.
     */
    public void setKafkaAckEveryEvent(boolean kafkaAckEveryEvent) {
        this.kafkaAckEveryEvent = kafkaAckEveryEvent;
    }

    public Backplane getCustomBackplane() {
        return customBackplane;
    }

    /** A backplane of your own, used instead of the one named by the backplane option. */
    public void setCustomBackplane(Backplane customBackplane) {
        this.customBackplane = customBackplane;
    }

    public HttpHostFactory getHttpHostFactory() {
        return httpHostFactory;
    }

    /** Serves the streams on another HTTP host than the component's Vert.x one, such as the servlet host. */
    public void setHttpHostFactory(HttpHostFactory httpHostFactory) {
        this.httpHostFactory = httpHostFactory;
    }
}
