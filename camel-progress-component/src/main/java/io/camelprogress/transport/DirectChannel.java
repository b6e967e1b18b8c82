package io.camelprogress.transport;

import io.camelprogress.event.EventDraft;

/** A connection that a route can answer directly, by its connection key, outside any stream's log. */
public interface DirectChannel {

    /** Sends an event to this connection only; it has no id. Never blocks. */
    void sendDirect(EventDraft draft);
}
