package io.camelprogress.backplane.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.camelprogress.event.Event;
import io.camelprogress.hub.ReplaySource;
import io.camelprogress.hub.StreamSelection;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves clients resuming from further back than the node's memory by reading the topic from their
 * position, each with a consumer of its own, at most {@code maxDeepReplays} at once.
 */
final class TopicReplaySource implements ReplaySource {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReplaySource.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TIMEOUT_MILLIS = 60_000;

    private final KafkaBackplaneSettings settings;
    private final TopicEvents events;
    private final TopicPartition partition;
    private final ExecutorServiceManager executors;
    private final ExecutorService readers;

    TopicReplaySource(KafkaBackplaneSettings settings, TopicEvents events, ExecutorServiceManager executors) {
        this.settings = settings;
        this.events = events;
        this.executors = executors;
        this.partition = new TopicPartition(settings.topic(), 0);
        // at most maxDeepReplays read at once; the rest wait in the pool's bounded queue, past which a replay fails
        this.readers = executors.newThreadPool(this, "ProgressKafkaReplay", settings.maxDeepReplays(), settings.maxDeepReplays());
    }

    @Override
    public void replay(StreamSelection selection, long afterSequence, long upToSequence, DeepReplay target) {
        try {
            readers.execute(() -> read(selection, afterSequence, upToSequence, target));
        } catch (RejectedExecutionException e) {
            target.failed(e);
        }
    }

    private void read(StreamSelection selection, long afterSequence, long upToSequence, DeepReplay target) {
        try (Consumer<String, byte[]> reader = new KafkaConsumer<>(KafkaClientProperties.consumer(settings))) {
            reader.assign(List.of(partition));
            long begin = reader.beginningOffsets(List.of(partition)).get(partition);
            long from = TopicEvents.offsetOf(afterSequence + 1);
            if (from < begin) {
                List<String> names = new ArrayList<>(selection.streams());
                selection.channels().forEach(c -> names.add(c + "/*"));
                target.gap(names, events.idAt(begin - 1));
                from = begin;
            }
            long last = TopicEvents.offsetOf(upToSequence);
            reader.seek(partition, from);
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (reader.position(partition) <= last) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("replay from " + settings.topic() + " took longer than " + TIMEOUT_MILLIS + " ms");
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() > last) {
                        break;
                    }
                    Event event = events.eventOf(record);
                    if (event != null && selection.matches(event.stream()) && !target.offer(event)) {
                        return;
                    }
                }
            }
            target.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            target.failed(e);
        } catch (Exception e) {
            LOG.warn("Replay of {} from topic {} failed: {}", selection, settings.topic(), e.getMessage());
            target.failed(e);
        }
    }

    void stop() {
        executors.shutdownNow(readers);
    }
}
