package io.camelprogress.backplane.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.camelprogress.event.Event;
import io.camelprogress.hub.EventLog;
import io.camelprogress.hub.ReplaySource;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topic into the node's log: at start its newest records, before the node serves anyone,
 * then every record as it comes, on a thread of its own. The log thus sees every node's events in
 * the topic's order, and only from this one thread.
 */
final class TopicFollower {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REBUILD_TIMEOUT_MILLIS = 60_000;

    private final KafkaBackplaneSettings settings;
    private final TopicEvents events;
    private final EventLog log;
    private final TopicPartition partition;
    private final ExecutorServiceManager executors;
    private Consumer<String, byte[]> consumer;
    private ExecutorService reader;
    private volatile boolean running;
    private volatile boolean rebuilt;
    // read on the follower's thread after each poll: the consumer is not to be touched from another
    private volatile long position = -1;
    private volatile long lag = -1;
    private volatile boolean connected;

    TopicFollower(KafkaBackplaneSettings settings, TopicEvents events, EventLog log, ExecutorServiceManager executors) {
        this.settings = settings;
        this.executors = executors;
        this.events = events;
        this.log = log;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    /**
     * Reads the newest {@code rebuildEvents} records into the log, telling it that older ones are in
     * the replay source.
     */
    void rebuild(ReplaySource olderEvents) throws IOException {
        consumer = new KafkaConsumer<>(KafkaClientProperties.consumer(settings));
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
        long from = Math.max(begin, end - settings.rebuildEvents());
        consumer.seek(partition, from);
        log.history(TopicEvents.sequenceAt(from), olderEvents);
        long deadline = System.currentTimeMillis() + REBUILD_TIMEOUT_MILLIS;
        while (consumer.position(partition) < end) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("Kafka backplane could not read topic " + settings.topic() + " up to offset " + end
                                      + " within " + REBUILD_TIMEOUT_MILLIS + " ms");
            }
            acceptAll();
        }
        position = consumer.position(partition);
        lag = Math.max(0, end - position);
        connected = true;
        rebuilt = true;
        LOG.info("Kafka backplane on topic {} (epoch {}): rebuilt offsets {} to {} into memory", settings.topic(), events.epoch(),
                from, end);
    }

    /** Goes on reading from where the rebuild ended, until {@link #stop()}. */
    void follow() {
        running = true;
        reader = executors.newSingleThreadExecutor(this, "ProgressKafkaFollower");
        reader.execute(this::readLive);
    }

    private void readLive() {
        while (running) {
            try {
                acceptAll();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kafka backplane read from {} failed; retrying: {}", settings.topic(), e.getMessage());
            }
        }
    }

    private void acceptAll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            Event event = events.eventOf(record);
            if (event != null) {
                log.accept(event);
            }
        }
        position = consumer.position(partition, Duration.ZERO);
        lag = consumer.currentLag(partition).orElse(-1);
        connected = connectionCount() > 0;
    }

    private double connectionCount() {
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("connection-count") && metric.getKey().group().equals("consumer-metrics")
                    && metric.getValue().metricValue() instanceof Double count) {
                return count;
            }
        }
        return 0;
    }

    /** Whether the node's memory has been rebuilt from the topic. */
    boolean rebuilt() {
        return rebuilt;
    }

    /** Whether the consumer holds a connection to a broker, as of its last poll. */
    boolean connected() {
        return connected;
    }

    /** The next offset to read, as of the last poll, or -1 before the first. */
    long position() {
        return position;
    }

    /** Records in the partition not read yet, as of the last poll, or -1 when unknown. */
    long lag() {
        return lag;
    }

    void stop() throws InterruptedException {
        running = false;
        if (consumer == null) {
            return;
        }
        consumer.wakeup();
        if (reader != null) {
            executors.shutdownGraceful(reader, 10_000);
            reader = null;
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
