package io.camelprogress.backplane.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.hub.EventLog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to the topic's one partition. A terminal event's publish completes on the broker's
 * acknowledgement, with the event's id; a non-terminal event's completes once handed to the Kafka
 * producer, without an id, unless {@code ackEveryEvent} is set.
 * <p>
 * That is safe because the producer is idempotent with one partition: records are stored in send
 * order with no gap, so the acknowledgement of a terminal event vouches for every event sent before
 * it. When a send fails anyway, nothing is silent: the next publish of its stream fails with that
 * cause (a terminal event too, even once acknowledged), and until a send succeeds again every
 * publish waits for its own acknowledgement, so a route learns of an outage on the event it publishes.
 */
final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final int MAX_UNREPORTED_STREAMS = 10_000;

    private final KafkaBackplaneSettings settings;
    private final TopicEvents events;
    private final EventLog log;
    private final Producer<String, byte[]> producer;
    private final UnreportedSendFailures unreported = new UnreportedSendFailures(MAX_UNREPORTED_STREAMS);
    /** Whether the last send to complete failed: publishes then wait for their own acknowledgement. */
    private volatile boolean failing;
    private volatile String lastFailure;
    private final LongAdder failures = new LongAdder();

    EventPublisher(KafkaBackplaneSettings settings, TopicEvents events, EventLog log) {
        this.settings = settings;
        this.events = events;
        this.log = log;
        this.producer = new KafkaProducer<>(KafkaClientProperties.producer(settings));
    }

    CompletionStage<Event> publish(EventDraft draft) {
        Throwable earlier = unreported.take(draft.stream());
        if (earlier != null) {
            return CompletableFuture.failedFuture(earlierNotStored(draft, earlier));
        }
        boolean awaited = settings.ackEveryEvent() || draft.terminal() || failing;
        CompletableFuture<Event> accepted = awaited ? new CompletableFuture<>() : null;
        try {
            log.reserve(draft.stream());
            producer.send(new ProducerRecord<>(settings.topic(), 0, draft.stream(), events.encode(draft)),
                    (metadata, error) -> sent(draft, accepted, metadata, error));
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(notStored(draft, e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return awaited ? accepted : CompletableFuture.completedFuture(null);
    }

    /** Runs on the producer's thread, in send order. */
    private void sent(EventDraft draft, CompletableFuture<Event> accepted, RecordMetadata metadata, Exception error) {
        if (error != null) {
            failures.increment();
            // before the flag: a reader that sees it failing sees why
            lastFailure = error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        failing = error != null;
        if (accepted == null) {
            // once per stream: an outage fails every event handed on meanwhile
            if (error != null && unreported.record(draft.stream(), error)) {
                LOG.warn("The Kafka backplane could not store an event of stream '{}' in topic {}; its next publish fails: {}",
                        draft.stream(), settings.topic(), error.getMessage());
            }
            return;
        }
        Throwable earlier = unreported.take(draft.stream());
        if (earlier != null) {
            accepted.completeExceptionally(earlierNotStored(draft, earlier));
        } else if (error != null) {
            accepted.completeExceptionally(notStored(draft, error));
        } else {
            accepted.complete(new Event(events.idAt(metadata.offset()), draft, metadata.timestamp()));
        }
    }

    private ProgressBackplaneException notStored(EventDraft draft, Throwable cause) {
        return new ProgressBackplaneException("The Kafka backplane could not publish the event of stream '" + draft.stream()
                                              + "' to topic " + settings.topic() + " within " + settings.publishTimeoutMillis()
                                              + " ms: " + cause.getMessage(), cause);
    }

    private ProgressBackplaneException earlierNotStored(EventDraft draft, Throwable cause) {
        return new ProgressBackplaneException("The Kafka backplane could not publish the event of stream '" + draft.stream()
                                              + "' to topic " + settings.topic() + ": an earlier event of the stream, handed on"
                                              + " before its acknowledgement, was not stored within "
                                              + settings.publishTimeoutMillis() + " ms: " + cause.getMessage(), cause);
    }

    /** Publishes that the broker did not acknowledge, so far. */
    long failures() {
        return failures.sum();
    }

    /** Why the last send failed, while the last send to complete has failed; else null. */
    String failingBecause() {
        return failing ? lastFailure : null;
    }

    /** Sends what is buffered, waiting up to 5 s; events not stored by then fail. */
    void stop() {
        producer.close(Duration.ofSeconds(5));
    }
}
