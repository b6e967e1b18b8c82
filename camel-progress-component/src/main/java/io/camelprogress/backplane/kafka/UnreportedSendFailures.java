package io.camelprogress.backplane.kafka;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first failed send of each stream whose publish had already completed (the event was handed on
 * before its acknowledgement), kept until a later publish of that stream fails with it: that is how
 * the route learns of it. Bounded: past {@code maxStreams} streams the oldest is forgotten, logged.
 */
final class UnreportedSendFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UnreportedSendFailures.class);

    private final int maxStreams;
    private final Map<String, Throwable> byStream = new LinkedHashMap<>();

    UnreportedSendFailures(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /**
     * Records a failed send; a stream's earlier unreported failure stays the one to report.
     *
     * @return whether it is the stream's first unreported failure
     */
    synchronized boolean record(String stream, Throwable cause) {
        if (byStream.putIfAbsent(stream, cause) != null) {
            return false;
        }
        if (byStream.size() > maxStreams) {
            Iterator<Map.Entry<String, Throwable>> oldest = byStream.entrySet().iterator();
            Map.Entry<String, Throwable> forgotten = oldest.next();
            oldest.remove();
            LOG.warn("More than {} streams have an unreported failed send; forgetting that of stream '{}': {}", maxStreams,
                    forgotten.getKey(), forgotten.getValue().getMessage());
        }
        return true;
    }

    /** Takes the stream's unreported failure, to report it now; null when there is none. */
    synchronized Throwable take(String stream) {
        return byStream.isEmpty() ? null : byStream.remove(stream);
    }
}
