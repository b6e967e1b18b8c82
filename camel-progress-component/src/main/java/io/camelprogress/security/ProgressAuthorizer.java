package io.camelprogress.security;

/**
 * Decides whether a subscribe, a POST or a WebSocket handshake may go ahead: the application's own
 * rule (a session, a role, a tenant), found in the registry or set as the component's
 * {@code authorizer} option. With {@code ticketSecret} set as well, the ticket is checked first and
 * the authorizer sees it in {@link AccessRequest#ticket()}; both must allow.
 * <p>
 * It is called on the connection's I/O thread, once per request, so it must answer without blocking
 * (look up what is in memory; a slow check holds up every connection of that thread).
 */
@FunctionalInterface
public interface ProgressAuthorizer {

    /** The decision for one request; a thrown exception refuses it with 403 (and is logged without the request's credentials). */
    AccessDecision authorize(AccessRequest request);
}
