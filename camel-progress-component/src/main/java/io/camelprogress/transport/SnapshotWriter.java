package io.camelprogress.transport;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelprogress.event.Event;
import io.camelprogress.hub.StreamSnapshot;

/**
 * Writes stream snapshots as JSON: per stream its newest retained event per event name, its last
 * id and whether it completed.
 */
final class SnapshotWriter {

    private final ObjectMapper mapper;

    SnapshotWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One stream: {@code {"stream","lastEventId","completed","events":{name:{"id","event","data"}}}}. */
    String single(StreamSnapshot snapshot) throws JsonProcessingException {
        return mapper.writeValueAsString(node(snapshot));
    }

    /** Several streams: {@code {"streams":[...]}}, each as in {@link #single}. */
    String many(List<StreamSnapshot> snapshots) throws JsonProcessingException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode streams = root.putArray("streams");
        for (StreamSnapshot snapshot : snapshots) {
            streams.add(node(snapshot));
        }
        return mapper.writeValueAsString(root);
    }

    private ObjectNode node(StreamSnapshot snapshot) throws JsonProcessingException {
        ObjectNode node = mapper.createObjectNode();
        node.put("stream", snapshot.stream());
        node.put("lastEventId", snapshot.lastEvent() == null ? null : snapshot.lastEvent().id().toString());
        node.put("completed", snapshot.completed());
        ObjectNode events = node.putObject("events");
        for (Map.Entry<String, Event> entry : snapshot.latest().entrySet()) {
            events.set(entry.getKey(), event(entry.getValue()));
        }
        return node;
    }

    /** An event as in WebSocket frames: {@code {"id","event","stream","data"}}, data embedded as JSON when it is. */
    private ObjectNode event(Event event) throws JsonProcessingException {
        return (ObjectNode) mapper.readTree(event.jsonFrame());
    }
}
