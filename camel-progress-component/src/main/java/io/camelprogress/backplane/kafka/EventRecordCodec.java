package io.camelprogress.backplane.kafka;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelprogress.event.EventDraft;

/** An event as a record of the backplane topic: {@code {"stream","event","data","json","terminal"}} in UTF-8 JSON. */
final class EventRecordCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    byte[] encode(EventDraft draft) {
        ObjectNode node = mapper.createObjectNode();
        node.put("stream", draft.stream());
        node.put("event", draft.name());
        node.put("data", draft.data());
        node.put("json", draft.json());
        node.put("terminal", draft.terminal());
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode event of stream " + draft.stream(), e);
        }
    }

    /**
     * @throws IOException when the record is not an event of this format (another writer shares the topic)
     */
    EventDraft decode(byte[] value) throws IOException {
        JsonNode node = mapper.readTree(value);
        if (node == null || !node.hasNonNull("stream") || !node.hasNonNull("event") || !node.hasNonNull("data")) {
            throw new IOException("not a progress event record");
        }
        return new EventDraft(node.get("stream").asText(), node.get("event").asText(), node.get("data").asText(),
                node.path("json").asBoolean(false), node.path("terminal").asBoolean(false));
    }
}
