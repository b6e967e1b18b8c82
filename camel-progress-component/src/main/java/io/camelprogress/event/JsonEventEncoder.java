package io.camelprogress.event;

import java.io.IOException;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Encodes events as the JSON objects that WebSocket frames and long-poll answers carry:
 * {@code {"id","event","stream","data"}}, with {@code data} embedded as JSON when the payload is a
 * JSON document and as a string otherwise.
 */
public final class JsonEventEncoder {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonEventEncoder() {
    }

    /** An event of a stream, with its id. */
    public static String event(Event event) {
        return object(event.id().toString(), event.name(), event.stream(), event.data(), event.json());
    }

    /** An event sent to one connection only: it has no id, so the client's cursor stays where it was. */
    public static String direct(EventDraft draft) {
        return object(null, draft.name(), draft.stream(), draft.data(), draft.json());
    }

    /** The {@code reset} notice: {@code {"event":"reset","data":{"streams":[...],"reason":"..."}}}. */
    public static String reset(Collection<String> streams, String reason) {
        return "{\"event\":\"reset\",\"data\":" + SseEncoder.resetJson(streams, reason) + "}";
    }

    private static String object(String id, String name, String stream, String data, boolean json) {
        StringBuilder sb = new StringBuilder(data.length() + name.length() + stream.length() + 64).append('{');
        if (id != null) {
            sb.append("\"id\":\"").append(id).append("\",");
        }
        sb.append("\"event\":");
        quote(sb, name);
        // stream names are restricted to [A-Za-z0-9._~/-]: nothing in them needs escaping
        sb.append(",\"stream\":\"").append(stream).append("\",\"data\":");
        if (json || isJson(data)) {
            sb.append(data);
        } else {
            quote(sb, data);
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String text) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, sb);
        sb.append('"');
    }

    /**
     * Whether a text payload is one JSON object or array, so that it can be embedded as JSON
     * rather than as a string of JSON. Only texts that start like one are parsed.
     */
    static boolean isJson(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length() || text.charAt(i) != '{' && text.charAt(i) != '[') {
            return false;
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
