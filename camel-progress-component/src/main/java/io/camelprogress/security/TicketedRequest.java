package io.camelprogress.security;

import java.util.Set;

/** A request as the authorizer sees it once its ticket has been checked. */
record TicketedRequest(AccessRequest request, StreamTicket ticket) implements AccessRequest {

    @Override
    public Action action() {
        return request.action();
    }

    @Override
    public String transport() {
        return request.transport();
    }

    @Override
    public Set<String> streams() {
        return request.streams();
    }

    @Override
    public Set<String> channels() {
        return request.channels();
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public String cookie(String name) {
        return request.cookie(name);
    }

    @Override
    public String clientAddress() {
        return request.clientAddress();
    }
}
