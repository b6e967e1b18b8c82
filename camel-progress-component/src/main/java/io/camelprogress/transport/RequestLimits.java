package io.camelprogress.transport;

/**
 * The bounds against abusive clients, besides the connection and size bounds of
 * {@link TransportSettings}.
 *
 * @param subscribeRatePerAddress   subscribes (SSE, WebSocket, long-poll, snapshot) per second per client
 *                                  address, bursts of twice as many; 0 for no bound
 * @param postRatePerAddress        POSTs per second per client address, bursts of twice as many; 0 for no bound
 * @param upstreamRatePerConnection WebSocket messages per second from one connection, bursts of twice as many;
 *                                  0 for no bound
 * @param maxStreamsPerConnection   stream names and channel wildcards one request may name
 * @param maxTrackedAddresses       client addresses whose rate state is kept, those seen last
 * @param requestHeadTimeoutMillis  how long a client may take to send a request's head (request line and
 *                                  headers), on the component's own server
 */
public record RequestLimits(int subscribeRatePerAddress, int postRatePerAddress, int upstreamRatePerConnection,
        int maxStreamsPerConnection, int maxTrackedAddresses, long requestHeadTimeoutMillis) {

    public RequestLimits {
        if (subscribeRatePerAddress < 0 || postRatePerAddress < 0 || upstreamRatePerConnection < 0) {
            throw new IllegalArgumentException("subscribeRatePerAddress, postRatePerAddress and upstreamRatePerConnection must be 0 (no bound) or positive");
        }
        if (maxStreamsPerConnection <= 0 || maxTrackedAddresses <= 0 || requestHeadTimeoutMillis <= 0) {
            throw new IllegalArgumentException("maxStreamsPerConnection, maxTrackedAddresses and requestHeadTimeout must be positive");
        }
    }
}
