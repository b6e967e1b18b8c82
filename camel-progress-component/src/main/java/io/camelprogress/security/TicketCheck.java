package io.camelprogress.security;

/**
 * The outcome of checking a ticket's text. The reasons name the failure and nothing of the ticket.
 *
 * @param ticket the ticket when it is valid, else null
 * @param reason why it is not valid, else null
 */
public record TicketCheck(StreamTicket ticket, String reason) {

    static TicketCheck valid(StreamTicket ticket) {
        return new TicketCheck(ticket, null);
    }

    static TicketCheck invalid(String reason) {
        return new TicketCheck(null, reason);
    }

    /** Whether the signature holds and the ticket has not expired. */
    public boolean valid() {
        return ticket != null;
    }
}
