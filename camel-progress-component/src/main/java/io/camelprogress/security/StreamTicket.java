package io.camelprogress.security;

/**
 * A ticket whose signature was checked: what it covers and until when.
 *
 * @param scope            the streams and channels it covers
 * @param expiresAtSeconds its expiry, in seconds since the epoch
 */
public record StreamTicket(TicketScope scope, long expiresAtSeconds) {
}
