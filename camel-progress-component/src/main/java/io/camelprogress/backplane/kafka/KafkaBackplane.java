package io.camelprogress.backplane.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.backplane.BackplaneStatus;
import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.hub.EventLog;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * The multi-node backplane: every event is a record of one Kafka topic partition, and its id is the
 * record's offset (plus one) with an epoch derived from the topic's id. Every node reads the topic in
 * order into its hub, so every node gives the same event the same id, and a client can resume on
 * any node. A starting node reads the topic's newest records into memory before it serves; a
 * client resuming from further back is served from the topic itself.
 */
public final class KafkaBackplane implements Backplane {

    private final KafkaBackplaneSettings settings;
    private final ExecutorServiceManager executors;
    private volatile TopicFollower follower;
    private TopicReplaySource replaySource;
    private volatile EventPublisher publisher;

    /**
     * @param executors where its reading threads come from: the CamelContext's, so that they are
     *                  named, profiled and shut down the Camel way
     */
    public KafkaBackplane(KafkaBackplaneSettings settings, ExecutorServiceManager executors) {
        this.settings = settings;
        this.executors = executors;
    }

    @Override
    public void start(EventLog hub) throws Exception {
        TopicEvents events = new TopicEvents(settings.topic(), new BackplaneTopicAdmin(settings).createOrVerify());
        hub.epoch(events.epoch());
        replaySource = new TopicReplaySource(settings, events, executors);
        follower = new TopicFollower(settings, events, hub, executors);
        follower.rebuild(replaySource);
        publisher = new EventPublisher(settings, events, hub);
        follower.follow();
    }

    @Override
    public CompletionStage<Event> publish(EventDraft draft) {
        EventPublisher current = publisher;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The Kafka backplane is not started"));
        }
        return current.publish(draft);
    }

    @Override
    public BackplaneStatus status() {
        TopicFollower reading = follower;
        EventPublisher publishing = publisher;
        if (reading == null || publishing == null || !reading.rebuilt()) {
            return new BackplaneStatus(false, false, "rebuilding memory from topic " + settings.topic(), -1, -1, 0);
        }
        String failing = publishing.failingBecause();
        boolean connected = reading.connected();
        String reason = !connected ? "no connection to a broker of topic " + settings.topic()
                : failing != null ? "publishing to topic " + settings.topic() + " fails: " + failing : null;
        return new BackplaneStatus(connected && failing == null, connected, reason, reading.position(), reading.lag(),
                publishing.failures());
    }

    @Override
    public void stop() throws Exception {
        if (follower != null) {
            follower.stop();
        }
        if (publisher != null) {
            publisher.stop();
            publisher = null;
        }
        if (replaySource != null) {
            replaySource.stop();
        }
    }
}
