package io.camelprogress.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The progress component's options as Spring Boot binds them from {@code camel.component.progress.*}: one property per
 * option of the component, with its description. Generated from the component's progress.json by
 * src/build/generate-properties.py; do not edit.
 */
@ConfigurationProperties(prefix = "camel.component.progress")
public class ProgressComponentConfiguration {

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd party component and make this possible for future releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * A backplane of your own, used instead of the one named by the backplane option. A bean reference, as in #bean:name, of type io.camelprogress.backplane.Backplane.
     */
    private String customBackplane;

    /**
     * Serves the streams on another HTTP host than the component's Vert.x one: the servlet host (io.camelprogress.transport.servlet.ProgressServlet, which the Spring Boot starter registers) on the application's own port. When set, the component opens no port of its own and attachToPlatformHttp, host, port and the TLS options of its own server are not used. A bean reference, as in #bean:name, of type io.camelprogress.transport.HttpHostFactory.
     */
    private String httpHostFactory;

    /**
     * What gives events their ids and carries them between nodes: local (one node) or kafka (many nodes sharing one topic; needs camel-kafka). One of: local, kafka.
     */
    private String backplane;

    /**
     * Whether every publish waits for the broker's acknowledgement and gets its CamelProgressEventId. By default only terminal events wait, which vouches for every event before them; the others complete once handed to the Kafka producer, so a sequential route is not held up by each round trip.
     */
    private Boolean kafkaAckEveryEvent;

    /**
     * Kafka brokers of the backplane; by default those of the Kafka component (camel.component.kafka.brokers).
     */
    private String kafkaBrokers;

    /**
     * The Kafka component whose settings (security, client properties and every other camel.component.kafka option) the backplane uses.
     */
    private String kafkaComponent;

    /**
     * Replays from the topic (clients resuming from further back than memory) running at once; more wait in line.
     */
    private Integer kafkaMaxReplays;

    /**
     * How long a publish waits for the broker's acknowledgement before its exchange fails. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String kafkaPublishTimeout;

    /**
     * How many of the topic's newest events a starting node reads into memory before it serves.
     */
    private Integer kafkaRebuildEvents;

    /**
     * The backplane topic; created with one partition when missing.
     */
    private String kafkaTopic;

    /**
     * How long a completed stream is kept for late reconnects. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String completedStreamTtl;

    /**
     * Bytes retained per stream for replay; the oldest events go first.
     */
    private Long maxBytesPerStream;

    /**
     * Streaming connections held at once.
     */
    private Integer maxConnections;

    /**
     * Streaming connections held at once per client address; 0 for no bound. Behind a reverse proxy every browser has the proxy's address unless the proxy is listed in trustedProxies.
     */
    private Integer maxConnectionsPerAddress;

    /**
     * How long an event is retained for replay. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String maxEventAge;

    /**
     * Bytes of data in one event; larger events fail their exchange.
     */
    private Integer maxEventSize;

    /**
     * Events retained per stream for replay.
     */
    private Integer maxEventsPerStream;

    /**
     * Bytes of request headers accepted; larger requests get 431.
     */
    private Integer maxHeaderSize;

    /**
     * Live events queued for one subscriber; past it the subscriber reads the log instead (or its slowConsumerPolicy applies).
     */
    private Integer maxPendingEvents;

    /**
     * Streams held at once. A new stream beyond it reclaims the oldest completed or empty stream, else the exchange fails.
     */
    private Integer maxStreams;

    /**
     * Streams one request may name (in the path and in stream parameters; a channel wildcard counts as one). More get 400 (a WebSocket: closed with 1008).
     */
    private Integer maxStreamsPerConnection;

    /**
     * Client addresses whose subscribe and POST rates are tracked; beyond them the address seen longest ago is forgotten, and starts again with a full burst.
     */
    private Integer maxTrackedAddresses;

    /**
     * Bytes of one message from a browser (WebSocket message or POST body); a larger WebSocket message closes with 1009, a larger POST gets 413.
     */
    private Integer maxUpstreamMessageSize;

    /**
     * POSTs per second per client address, in bursts of up to twice as many; 0 for no bound. Past it a POST gets 429 with Retry-After. Behind a reverse proxy every browser has the proxy's address unless the proxy is listed in trustedProxies.
     */
    private Integer postRatePerAddress;

    /**
     * What happens to a subscriber that falls behind: lag (it reads the retained log at its own pace and gets every event still retained, with a reset of reason lagged for those that were not), coalesce (while its socket is backed up, latest wins per stream and event name, announced by a reset of reason coalesced) or disconnect (while its socket is backed up, it is closed and resumes by replay). Terminal events are never dropped. One of: lag, coalesce, disconnect.
     */
    private String slowConsumerPolicy;

    /**
     * Subscribes (SSE, WebSocket, long-poll and snapshot requests, those refused for their ticket included) per second per client address, in bursts of up to twice as many; 0 for no bound. Past it SSE gets 200 with the overload retry: and ends, a WebSocket closes with 1013 (try again later), long-poll and snapshot get 429 with Retry-After. Behind a reverse proxy every browser has the proxy's address unless the proxy is listed in trustedProxies.
     */
    private Integer subscribeRatePerAddress;

    /**
     * WebSocket messages per second from one connection, in bursts of up to twice as many; 0 for no bound. A connection sending faster is closed with 1008 (policy violation).
     */
    private Integer upstreamRatePerConnection;

    /**
     * Serve on the platform-http Vert.x router (same port as platform-http routes) when the application has one.
     */
    private Boolean attachToPlatformHttp;

    /**
     * The path under which streams are served.
     */
    private String basePath;

    /**
     * Host of the component's own HTTP server (used when there is no platform-http router).
     */
    private String host;

    /**
     * Also accept cleartext HTTP/2 (h2c, by prior knowledge or Upgrade: h2c) on the component's own HTTP server when it has no TLS.
     */
    private Boolean http2ClearText;

    /**
     * Port of the component's own HTTP server (used when there is no platform-http router); 0 picks a free port.
     */
    private Integer port;

    /**
     * How long a client may take to send a request line and headers on the component's own server, from the connection's start or a further request's first byte; a slower client gets 408 and is closed. On the platform-http server it does not apply: bound it at the reverse proxy. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String requestHeadTimeout;

    /**
     * How long a long-poll is held when no event comes; also the longest a client may ask for with the timeout query parameter. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String longPollTimeout;

    /**
     * Whether pages of the allowedOrigins may send cookies and credentials (Access-Control-Allow-Credentials), as EventSource with withCredentials and fetch with credentials include do.
     */
    private Boolean allowCredentials;

    /**
     * Origins (comma-separated, as in https://app.example.com; an asterisk allows any) whose pages may read streams (CORS: SSE, long-poll, snapshot), POST and open WebSockets, besides the server's own. Requests without an Origin header (non-browser clients) are allowed.
     */
    private String allowedOrigins;

    /**
     * The application's rule for who may subscribe and POST (it sees the streams, transport, headers, cookies and client address); taken from the registry when there is exactly one. With ticketSecret set too, both must allow. A bean reference, as in #bean:name, of type io.camelprogress.security.ProgressAuthorizer.
     */
    private String authorizer;

    /**
     * TLS of the component's own HTTP server (HTTP/2 and HTTP/1.1 are then offered through ALPN). Not used on platform-http, whose server has its own (camel.server.useGlobalSslContextParameters). A bean reference, as in #bean:name, of type org.apache.camel.support.jsse.SSLContextParameters.
     */
    private String sslContextParameters;

    /**
     * Makes every stream private: with a secret of at least 32 bytes set (the same on every node), each subscribe and POST needs a ticket signed with it (HMAC-SHA256) that covers the streams it names, given as the ticket query parameter, the progress_ticket cookie or an Authorization Bearer header. Every producer exchange gets a ticket for its stream in header CamelProgressTicket, and bean progressTickets issues others.
     */
    private String ticketSecret;

    /**
     * How long a ticket issued without a lifetime of its own (the producer's CamelProgressTicket) stays valid. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String ticketTtl;

    /**
     * Addresses or CIDR blocks (comma-separated, as in 10.0.0.0/8,::1) of reverse proxies whose Forwarded or X-Forwarded-For client address is believed; per-address bounds and the client address of messages then use it.
     */
    private String trustedProxies;

    /**
     * Use the CamelContext's SSLContextParameters (the camel.ssl options) for the component's own HTTP server when sslContextParameters is not set; starting fails when the context has none.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * How long a connection may stay silent before a heartbeat is sent. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String heartbeatInterval;

    /**
     * The retry: sent when a connection bound is reached and the connection is closed at once. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String overloadRetryInterval;

    /**
     * Whether a client connecting without a last event id first receives the stream's retained events.
     */
    private Boolean replayOnConnect;

    /**
     * The reconnection delay sent as retry: (with up to 20% jitter either way). A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String retryInterval;

    /**
     * How long a WebSocket peer may take to answer a ping before it is closed. A duration: milliseconds, or as in 1s, 500ms, 2m.
     */
    private String pongTimeout;

    /** The options that are set, by their Camel names, for Camel's property binding. */
    public Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "bridgeErrorHandler", bridgeErrorHandler);
        put(options, "lazyStartProducer", lazyStartProducer);
        put(options, "autowiredEnabled", autowiredEnabled);
        put(options, "customBackplane", customBackplane);
        put(options, "httpHostFactory", httpHostFactory);
        put(options, "backplane", backplane);
        put(options, "kafkaAckEveryEvent", kafkaAckEveryEvent);
        put(options, "kafkaBrokers", kafkaBrokers);
        put(options, "kafkaComponent", kafkaComponent);
        put(options, "kafkaMaxReplays", kafkaMaxReplays);
        put(options, "kafkaPublishTimeout", kafkaPublishTimeout);
        put(options, "kafkaRebuildEvents", kafkaRebuildEvents);
        put(options, "kafkaTopic", kafkaTopic);
        put(options, "completedStreamTtl", completedStreamTtl);
        put(options, "maxBytesPerStream", maxBytesPerStream);
        put(options, "maxConnections", maxConnections);
        put(options, "maxConnectionsPerAddress", maxConnectionsPerAddress);
        put(options, "maxEventAge", maxEventAge);
        put(options, "maxEventSize", maxEventSize);
        put(options, "maxEventsPerStream", maxEventsPerStream);
        put(options, "maxHeaderSize", maxHeaderSize);
        put(options, "maxPendingEvents", maxPendingEvents);
        put(options, "maxStreams", maxStreams);
        put(options, "maxStreamsPerConnection", maxStreamsPerConnection);
        put(options, "maxTrackedAddresses", maxTrackedAddresses);
        put(options, "maxUpstreamMessageSize", maxUpstreamMessageSize);
        put(options, "postRatePerAddress", postRatePerAddress);
        put(options, "slowConsumerPolicy", slowConsumerPolicy);
        put(options, "subscribeRatePerAddress", subscribeRatePerAddress);
        put(options, "upstreamRatePerConnection", upstreamRatePerConnection);
        put(options, "attachToPlatformHttp", attachToPlatformHttp);
        put(options, "basePath", basePath);
        put(options, "host", host);
        put(options, "http2ClearText", http2ClearText);
        put(options, "port", port);
        put(options, "requestHeadTimeout", requestHeadTimeout);
        put(options, "longPollTimeout", longPollTimeout);
        put(options, "allowCredentials", allowCredentials);
        put(options, "allowedOrigins", allowedOrigins);
        put(options, "authorizer", authorizer);
        put(options, "sslContextParameters", sslContextParameters);
        put(options, "ticketSecret", ticketSecret);
        put(options, "ticketTtl", ticketTtl);
        put(options, "trustedProxies", trustedProxies);
        put(options, "useGlobalSslContextParameters", useGlobalSslContextParameters);
        put(options, "heartbeatInterval", heartbeatInterval);
        put(options, "overloadRetryInterval", overloadRetryInterval);
        put(options, "replayOnConnect", replayOnConnect);
        put(options, "retryInterval", retryInterval);
        put(options, "pongTimeout", pongTimeout);
        return options;
    }

    private static void put(Map<String, Object> options, String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getCustomBackplane() {
        return customBackplane;
    }

    public void setCustomBackplane(String customBackplane) {
        this.customBackplane = customBackplane;
    }

    public String getHttpHostFactory() {
        return httpHostFactory;
    }

    public void setHttpHostFactory(String httpHostFactory) {
        this.httpHostFactory = httpHostFactory;
    }

    public String getBackplane() {
        return backplane;
    }

    public void setBackplane(String backplane) {
        this.backplane = backplane;
    }

    public Boolean getKafkaAckEveryEvent() {
        return kafkaAckEveryEvent;
    }

    public void setKafkaAckEveryEvent(Boolean kafkaAckEveryEvent) {
        this.kafkaAckEveryEvent = kafkaAckEveryEvent;
    }

    public String getKafkaBrokers() {
        return kafkaBrokers;
    }

    public void setKafkaBrokers(String kafkaBrokers) {
        this.kafkaBrokers = kafkaBrokers;
    }

    public String getKafkaComponent() {
        return kafkaComponent;
    }

    public void setKafkaComponent(String kafkaComponent) {
        this.kafkaComponent = kafkaComponent;
    }

    public Integer getKafkaMaxReplays() {
        return kafkaMaxReplays;
    }

    public void setKafkaMaxReplays(Integer kafkaMaxReplays) {
        this.kafkaMaxReplays = kafkaMaxReplays;
    }

    public String getKafkaPublishTimeout() {
        return kafkaPublishTimeout;
    }

    public void setKafkaPublishTimeout(String kafkaPublishTimeout) {
        this.kafkaPublishTimeout = kafkaPublishTimeout;
    }

    public Integer getKafkaRebuildEvents() {
        return kafkaRebuildEvents;
    }

    public void setKafkaRebuildEvents(Integer kafkaRebuildEvents) {
        this.kafkaRebuildEvents = kafkaRebuildEvents;
    }

    public String getKafkaTopic() {
        return kafkaTopic;
    }

    public void setKafkaTopic(String kafkaTopic) {
        this.kafkaTopic = kafkaTopic;
    }

    public String getCompletedStreamTtl() {
        return completedStreamTtl;
    }

    public void setCompletedStreamTtl(String completedStreamTtl) {
        this.completedStreamTtl = completedStreamTtl;
    }

    public Long getMaxBytesPerStream() {
        return maxBytesPerStream;
    }

    public void setMaxBytesPerStream(Long maxBytesPerStream) {
        this.maxBytesPerStream = maxBytesPerStream;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    public void setMaxConnectionsPerAddress(Integer maxConnectionsPerAddress) {
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    }

    public String getMaxEventAge() {
        return maxEventAge;
    }

    public void setMaxEventAge(String maxEventAge) {
        this.maxEventAge = maxEventAge;
    }

    public Integer getMaxEventSize() {
        return maxEventSize;
    }

    public void setMaxEventSize(Integer maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    public Integer getMaxEventsPerStream() {
        return maxEventsPerStream;
    }

    public void setMaxEventsPerStream(Integer maxEventsPerStream) {
        this.maxEventsPerStream = maxEventsPerStream;
    }

    public Integer getMaxHeaderSize() {
        return maxHeaderSize;
    }

    public void setMaxHeaderSize(Integer maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    public Integer getMaxPendingEvents() {
        return maxPendingEvents;
    }

    public void setMaxPendingEvents(Integer maxPendingEvents) {
        this.maxPendingEvents = maxPendingEvents;
    }

    public Integer getMaxStreams() {
        return maxStreams;
    }

    public void setMaxStreams(Integer maxStreams) {
        this.maxStreams = maxStreams;
    }

    public Integer getMaxStreamsPerConnection() {
        return maxStreamsPerConnection;
    }

    public void setMaxStreamsPerConnection(Integer maxStreamsPerConnection) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
    }

    public Integer getMaxTrackedAddresses() {
        return maxTrackedAddresses;
    }

    public void setMaxTrackedAddresses(Integer maxTrackedAddresses) {
        this.maxTrackedAddresses = maxTrackedAddresses;
    }

    public Integer getMaxUpstreamMessageSize() {
        return maxUpstreamMessageSize;
    }

    public void setMaxUpstreamMessageSize(Integer maxUpstreamMessageSize) {
        this.maxUpstreamMessageSize = maxUpstreamMessageSize;
    }

    public Integer getPostRatePerAddress() {
        return postRatePerAddress;
    }

    public void setPostRatePerAddress(Integer postRatePerAddress) {
        this.postRatePerAddress = postRatePerAddress;
    }

    public String getSlowConsumerPolicy() {
        return slowConsumerPolicy;
    }

    public void setSlowConsumerPolicy(String slowConsumerPolicy) {
        this.slowConsumerPolicy = slowConsumerPolicy;
    }

    public Integer getSubscribeRatePerAddress() {
        return subscribeRatePerAddress;
    }

    public void setSubscribeRatePerAddress(Integer subscribeRatePerAddress) {
        this.subscribeRatePerAddress = subscribeRatePerAddress;
    }

    public Integer getUpstreamRatePerConnection() {
        return upstreamRatePerConnection;
    }

    public void setUpstreamRatePerConnection(Integer upstreamRatePerConnection) {
        this.upstreamRatePerConnection = upstreamRatePerConnection;
    }

    public Boolean getAttachToPlatformHttp() {
        return attachToPlatformHttp;
    }

    public void setAttachToPlatformHttp(Boolean attachToPlatformHttp) {
        this.attachToPlatformHttp = attachToPlatformHttp;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Boolean getHttp2ClearText() {
        return http2ClearText;
    }

    public void setHttp2ClearText(Boolean http2ClearText) {
        this.http2ClearText = http2ClearText;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getRequestHeadTimeout() {
        return requestHeadTimeout;
    }

    public void setRequestHeadTimeout(String requestHeadTimeout) {
        this.requestHeadTimeout = requestHeadTimeout;
    }

    public String getLongPollTimeout() {
        return longPollTimeout;
    }

    public void setLongPollTimeout(String longPollTimeout) {
        this.longPollTimeout = longPollTimeout;
    }

    public Boolean getAllowCredentials() {
        return allowCredentials;
    }

    public void setAllowCredentials(Boolean allowCredentials) {
        this.allowCredentials = allowCredentials;
    }

    public String getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(String allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public String getAuthorizer() {
        return authorizer;
    }

    public void setAuthorizer(String authorizer) {
        this.authorizer = authorizer;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTicketSecret() {
        return ticketSecret;
    }

    public void setTicketSecret(String ticketSecret) {
        this.ticketSecret = ticketSecret;
    }

    public String getTicketTtl() {
        return ticketTtl;
    }

    public void setTicketTtl(String ticketTtl) {
        this.ticketTtl = ticketTtl;
    }

    public String getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(String trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(String heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public String getOverloadRetryInterval() {
        return overloadRetryInterval;
    }

    public void setOverloadRetryInterval(String overloadRetryInterval) {
        this.overloadRetryInterval = overloadRetryInterval;
    }

    public Boolean getReplayOnConnect() {
        return replayOnConnect;
    }

    public void setReplayOnConnect(Boolean replayOnConnect) {
        this.replayOnConnect = replayOnConnect;
    }

    public String getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(String retryInterval) {
        this.retryInterval = retryInterval;
    }

    public String getPongTimeout() {
        return pongTimeout;
    }

    public void setPongTimeout(String pongTimeout) {
        this.pongTimeout = pongTimeout;
    }
}
