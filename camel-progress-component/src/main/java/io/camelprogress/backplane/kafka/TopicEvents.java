package io.camelprogress.backplane.kafka;

import java.io.IOException;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events as records of the backplane topic: an event's sequence is its record's offset plus one, in
 * an epoch derived from the topic's id, so every node gives the same record the same id.
 */
final class TopicEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TopicEvents.class);

    private final String topic;
    private final EventRecordCodec codec = new EventRecordCodec();
    /** An id of the topic's epoch, to derive the others from without checking the epoch again. */
    private final EventId origin;

    TopicEvents(String topic, Uuid topicId) {
        this.topic = topic;
        this.origin = new EventId(epochOf(topicId), 0);
    }

    /** A short [a-z0-9] epoch from the topic's id: a deleted and re-created topic gets a new one. */
    static String epochOf(Uuid topicId) {
        return Long.toString((topicId.getMostSignificantBits() ^ topicId.getLeastSignificantBits()) & Long.MAX_VALUE, 36);
    }

    String epoch() {
        return origin.epoch();
    }

    /** The id of the event stored at this offset. */
    EventId idAt(long offset) {
        return origin.withSequence(offset + 1);
    }

    /** The sequence of the event stored at this offset. */
    static long sequenceAt(long offset) {
        return offset + 1;
    }

    /** The offset of the event with this sequence. */
    static long offsetOf(long sequence) {
        return sequence - 1;
    }

    byte[] encode(EventDraft draft) {
        return codec.encode(draft);
    }

    /** The event of a record, or null (logged) when the record is not one: another writer shares the topic. */
    Event eventOf(ConsumerRecord<String, byte[]> record) {
        try {
            return new Event(idAt(record.offset()), codec.decode(record.value()), record.timestamp());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping record {} of {}: {}", record.offset(), topic, e.getMessage());
            return null;
        }
    }
}
