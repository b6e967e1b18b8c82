package io.camelprogress.hub;

import java.util.List;

import io.camelprogress.event.EventId;

/**
 * Tells a subscriber that its resume point could not be honoured for some streams: events were
 * dropped before it read them ({@code gap}) or its id is from another epoch ({@code epoch}).
 *
 * @param streams    the streams concerned
 * @param reason     {@code gap} or {@code epoch}
 * @param resumeFrom an id from which the client can poll on without being told again: the newest
 *                   dropped event, or the start of the new epoch
 */
public record ResetNotice(List<String> streams, String reason, EventId resumeFrom) {

    public static final String GAP = "gap";
    public static final String EPOCH = "epoch";
}
