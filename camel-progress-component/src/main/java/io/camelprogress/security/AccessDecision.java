package io.camelprogress.security;

/**
 * What an authorizer decided. A refusal's reason is sent to the client as the one-line body of the
 * answer, so it should say what is missing without telling anything about other streams.
 *
 * @param status 0 when allowed, else the HTTP status of the refusal (401 or 403)
 * @param reason why it is refused, else null
 */
public record AccessDecision(int status, String reason) {

    private static final AccessDecision ALLOW = new AccessDecision(0, null);

    public AccessDecision {
        if (status != 0 && status != 401 && status != 403) {
            throw new IllegalArgumentException("An access decision is 0 (allowed), 401 or 403, not " + status);
        }
    }

    /** Lets the request go ahead. */
    public static AccessDecision allow() {
        return ALLOW;
    }

    /** Refuses with 401: the client did not say who it is (no ticket, no session). */
    public static AccessDecision unauthenticated(String reason) {
        return new AccessDecision(401, reason);
    }

    /** Refuses with 403: the client is known, or its credential was checked, and it may not have this. */
    public static AccessDecision deny(String reason) {
        return new AccessDecision(403, reason);
    }

    /** Whether the request may go ahead. */
    public boolean allowed() {
        return status == 0;
    }
}
