package io.camelprogress.hub;

import java.util.Map;

import io.camelprogress.event.Event;

/**
 * A stream's state for the snapshot request: its newest retained event per event name.
 *
 * @param stream    the stream name
 * @param latest    the newest retained event per event name, in the order the names first appeared
 * @param lastEvent the newest event, or {@code null} when none is retained
 * @param completed whether its last event was terminal
 */
public record StreamSnapshot(String stream, Map<String, Event> latest, Event lastEvent, boolean completed) {
}
