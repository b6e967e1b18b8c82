package io.camelprogress.event;

/**
 * An event as a route produced it, before the backplane gave it an id.
 *
 * @param stream   the full stream name, {@code <channel>} or {@code <channel>/<streamId>}
 * @param name     the event name, for example {@code progress}
 * @param data     the payload as text (JSON when {@code json} is set)
 * @param json     whether {@code data} is a JSON document
 * @param terminal whether the stream ends with this event
 */
public record EventDraft(String stream, String name, String data, boolean json, boolean terminal) {

    /** Size of the payload in UTF-8 bytes, at most; cheap enough for every event. */
    public int maxUtf8Size() {
        return data.length() * 3;
    }
}
