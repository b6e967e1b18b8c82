package io.camelprogress.bench;

import java.util.Locale;

/** How subscribers receive events: the three transports browsers use. */
enum Transport {
    SSE, WEBSOCKET, LONGPOLL;

    /** Parses {@code sse}, {@code ws} or {@code poll}. */
    static Transport parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sse" -> SSE;
            case "ws", "websocket" -> WEBSOCKET;
            case "poll", "longpoll" -> LONGPOLL;
            default -> throw new IllegalArgumentException("--transport must be sse, ws or poll: " + name);
        };
    }

    /** @return the short name used on the command line and in reports */
    String label() {
        return switch (this) {
            case SSE -> "sse";
            case WEBSOCKET -> "ws";
            case LONGPOLL -> "poll";
        };
    }

    /**
     * Opens a session of this transport for one connection.
     *
     * @param nchan    whether the server speaks Nchan's formats (raw messages) instead of ours (JSON envelopes)
     * @param resumeId where to resume from, or null
     */
    SubscriberSession open(SubscriberSession.Events events, SubscribeTarget target, boolean nchan, String resumeId) {
        return switch (this) {
            case SSE -> new SseSession(events, target, resumeId);
            case WEBSOCKET -> new WebSocketSession(events, target, nchan, resumeId);
            case LONGPOLL -> nchan ? new NchanLongPollSession(events, target) : new LongPollSession(events, target, resumeId);
        };
    }
}
