package io.camelprogress.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks signed stream tickets: {@code v1.<payload>.<signature>}, where the payload
 * (base64url) holds the expiry and the scope, and the signature is its HMAC-SHA256 under the
 * component's {@code ticketSecret}. A ticket is a bearer credential: whoever holds it may read (and
 * send to) what its scope covers until it expires; nothing is stored on the server, so every node
 * sharing the secret accepts it.
 * <p>
 * The component builds one when {@code ticketSecret} is set; routes issue through bean
 * {@code progressTickets}, as in {@code ${bean:progressTickets?method=issue('uploads/*')}}.
 */
public final class ProgressTickets {

    /** The least secret length accepted, in bytes: the HMAC's own key size. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Longest ticket text considered; anything longer is refused before any work is done on it. */
    static final int MAX_TICKET_LENGTH = 4096;

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration defaultTtl;
    private final LongSupplier clockMillis;
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret      at least {@value #MIN_SECRET_BYTES} bytes (UTF-8); the same on every node
     * @param defaultTtl  the lifetime of tickets issued without one
     * @param clockMillis the time, in epoch milliseconds
     * @throws IllegalArgumentException when the secret is too short or the lifetime not positive
     */
    public ProgressTickets(String secret, Duration defaultTtl, LongSupplier clockMillis) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("ticketSecret must be at least " + MIN_SECRET_BYTES + " bytes; it has " + bytes.length);
        }
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("ticketTtl must be positive: " + defaultTtl);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.defaultTtl = defaultTtl;
        this.clockMillis = clockMillis;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A ticket for one stream ({@code uploads/job42}) or channel pattern ({@code uploads/*}), with the default lifetime. */
    public String issue(String scope) {
        return issue(List.of(scope), defaultTtl);
    }

    /** A ticket for one stream or channel pattern, with the given lifetime. */
    public String issue(String scope, Duration ttl) {
        return issue(List.of(scope), ttl);
    }

    /**
     * A ticket for several streams and channel patterns.
     *
     * @throws IllegalArgumentException when an entry is not a stream name or channel pattern, or the lifetime is not positive
     */
    public String issue(Collection<String> scope, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A ticket's lifetime must be positive: " + ttl);
        }
        TicketScope checked = TicketScope.of(scope);
        long expires = Math.floorDiv(clockMillis.getAsLong() + ttl.toMillis() + 999, 1000);
        String payload = ENCODER.encodeToString((expires + ":" + checked).getBytes(StandardCharsets.UTF_8));
        String signed = VERSION + "." + payload;
        return signed + "." + ENCODER.encodeToString(sign(signed));
    }

    /** Checks a ticket's text: its form, its signature (compared in constant time), then its expiry. */
    public TicketCheck check(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TICKET_LENGTH) {
            return TicketCheck.invalid("malformed ticket");
        }
        int first = text.indexOf('.');
        int last = text.lastIndexOf('.');
        if (first < 0 || first == last || !VERSION.equals(text.substring(0, first))) {
            return TicketCheck.invalid("malformed ticket");
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = DECODER.decode(text.substring(last + 1));
            payload = DECODER.decode(text.substring(first + 1, last));
        } catch (IllegalArgumentException e) {
            return TicketCheck.invalid("malformed ticket");
        }
        if (!MessageDigest.isEqual(signature, sign(text.substring(0, last)))) {
            return TicketCheck.invalid("ticket signature does not match");
        }
        String content = new String(payload, StandardCharsets.UTF_8);
        int colon = content.indexOf(':');
        StreamTicket ticket;
        try {
            long expires = Long.parseLong(content.substring(0, Math.max(colon, 0)));
            ticket = new StreamTicket(TicketScope.of(List.of(content.substring(colon + 1).split(","))), expires);
        } catch (IllegalArgumentException e) {
            // signed by us, so only a ticket of another version of this format can get here
            return TicketCheck.invalid("malformed ticket");
        }
        if (ticket.expiresAtSeconds() * 1000 <= clockMillis.getAsLong()) {
            return TicketCheck.invalid("ticket expired");
        }
        return TicketCheck.valid(ticket);
    }

    private byte[] sign(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        // the secret and tickets stay out of logs and debuggers' summaries
        return "ProgressTickets[ttl=" + defaultTtl + "]";
    }
}
