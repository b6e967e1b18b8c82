package io.camelprogress.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorize step of every request that names streams: the ticket, when tickets are in use, then
 * the authorizer, when there is one. With neither, every stream is public.
 */
public final class AccessGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);

    private final ProgressTickets tickets;
    private final ProgressAuthorizer authorizer;

    /**
     * @param tickets    the ticket checker, or null when tickets are not in use
     * @param authorizer the application's rule, or null
     */
    public AccessGuard(ProgressTickets tickets, ProgressAuthorizer authorizer) {
        this.tickets = tickets;
        this.authorizer = authorizer;
    }

    /** A guard that lets everything through. */
    public static AccessGuard open() {
        return new AccessGuard(null, null);
    }

    /** Whether every stream is readable by anyone who can reach the server. */
    public boolean isOpen() {
        return tickets == null && authorizer == null;
    }

    /**
     * Decides on one request.
     *
     * @param ticketText the ticket the request carried (query, bearer header or cookie), or null
     * @param request    what it asks for, without a ticket yet
     */
    public AccessDecision check(String ticketText, AccessRequest request) {
        AccessRequest checked = request;
        if (tickets != null) {
            if (ticketText == null || ticketText.isEmpty()) {
                return AccessDecision.unauthenticated("A ticket is required: pass ?ticket=, the progress_ticket cookie or Authorization: Bearer");
            }
            TicketCheck check = tickets.check(ticketText);
            if (!check.valid()) {
                return AccessDecision.deny("Ticket refused: " + check.reason());
            }
            if (!check.ticket().scope().covers(request.streams(), request.channels())) {
                return AccessDecision.deny("Ticket refused: it does not cover every stream this request names");
            }
            checked = new TicketedRequest(request, check.ticket());
        }
        if (authorizer == null) {
            return AccessDecision.allow();
        }
        try {
            AccessDecision decision = authorizer.authorize(checked);
            return decision == null ? AccessDecision.deny("Refused by the authorizer") : decision;
        } catch (RuntimeException e) {
            // the exception's own message may quote the request; its type and the streams are enough to find it
            LOG.warn("The authorizer {} failed on {} of {} and the request was refused: {}", authorizer.getClass().getName(),
                    request.action(), request.streams().isEmpty() ? request.channels() : request.streams(), e.getClass().getName());
            return AccessDecision.deny("Refused: the authorizer failed");
        }
    }
}
