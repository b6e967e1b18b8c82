package io.camelprogress.transport;

import java.util.Map;
import java.util.Set;

import io.camelprogress.hub.StreamSelection;
import io.camelprogress.security.AccessRequest;
import io.camelprogress.security.StreamTicket;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/** A request under the base path as the authorize step sees it, and where its ticket is. */
final class RequestAccess implements AccessRequest {

    /** The cookie a ticket may come in, for pages whose server sets it. */
    static final String TICKET_COOKIE = "progress_ticket";
    private static final String BEARER = "Bearer ";

    private final HostRequest request;
    private final Action action;
    private final String transport;
    private final StreamSelection selection;
    private final String clientAddress;

    RequestAccess(HostRequest request, Action action, String transport, StreamSelection selection, String clientAddress) {
        this.request = request;
        this.action = action;
        this.transport = transport;
        this.selection = selection;
        this.clientAddress = clientAddress;
    }

    /**
     * The ticket a request carries: {@code ?ticket=} (all EventSource can send), else
     * {@code Authorization: Bearer}, else the {@value #TICKET_COOKIE} cookie; null when none.
     */
    String ticketText() {
        String query = request.param("ticket");
        if (query != null) {
            return query;
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return cookie(TICKET_COOKIE);
    }

    @Override
    public Action action() {
        return action;
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public Set<String> streams() {
        return selection.streams();
    }

    @Override
    public Set<String> channels() {
        return selection.channels();
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public String cookie(String name) {
        // HTTP/2 lets a browser split its cookies over several Cookie fields
        for (Map.Entry<String, String> header : request.headers()) {
            if (header.getKey().equalsIgnoreCase("Cookie")) {
                for (Cookie cookie : ServerCookieDecoder.LAX.decode(header.getValue())) {
                    if (cookie.name().equals(name)) {
                        return cookie.value();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public String clientAddress() {
        return clientAddress;
    }

    @Override
    public StreamTicket ticket() {
        return null;
    }
}
