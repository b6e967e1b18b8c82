package io.camelprogress.testing;

/**
 * What a test SSE client read: an event (id may be null), a comment, a retry field, or the end of
 * the response.
 */
public record SseFrame(Kind kind, String id, String event, String data) {

    public enum Kind { EVENT, COMMENT, RETRY, END }

    public static SseFrame end() {
        return new SseFrame(Kind.END, null, null, null);
    }

    public boolean isEvent() {
        return kind == Kind.EVENT;
    }
}
