package io.camelprogress.component;

import java.time.Duration;
import java.util.Collection;

import io.camelprogress.security.ProgressTickets;

/**
 * Bean {@code progressTickets}: issues tickets from routes, as in
 * {@code ${bean:progressTickets?method=issue('uploads/*')}}. It is bound when the component is
 * created, before routes are (Camel resolves a route's beans then), and asks the started component
 * for its issuer on each call; without {@code ticketSecret} a call fails saying so.
 */
public final class ProgressTicketsBean {

    /** The name it is bound under. */
    public static final String NAME = "progressTickets";

    private final ProgressComponent component;

    ProgressTicketsBean(ProgressComponent component) {
        this.component = component;
    }

    /** A ticket for one stream ({@code uploads/job42}) or channel pattern ({@code uploads/*}), with lifetime ticketTtl. */
    public String issue(String scope) {
        return issuer().issue(scope);
    }

    /** A ticket for one stream or channel pattern, with the given lifetime. */
    public String issue(String scope, Duration ttl) {
        return issuer().issue(scope, ttl);
    }

    /** A ticket for several streams and channel patterns, with the given lifetime. */
    public String issue(Collection<String> scope, Duration ttl) {
        return issuer().issue(scope, ttl);
    }

    private ProgressTickets issuer() {
        ProgressTickets tickets = component.tickets();
        if (tickets == null) {
            throw new IllegalStateException("Tickets are not in use: set the progress component's ticketSecret to issue them");
        }
        return tickets;
    }

    @Override
    public String toString() {
        return "ProgressTicketsBean[" + component.getCamelContext().getName() + "]";
    }
}
