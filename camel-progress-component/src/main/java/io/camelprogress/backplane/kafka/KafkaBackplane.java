package io.camelprogress.backplane.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.camelprogress.backplane.Backplane;
import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.hub.EventLog;
import io.camelprogress.hub.ReplaySource;
import io.camelprogress.hub.StreamSelection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multi-node backplane: every event is a record of one Kafka topic partition, and its id is the
 * record's offset (plus one) with an epoch derived from the topic's id. Every node reads the topic in
 * order into its hub, so every node gives the same event the same id, and a client can resume on
 * any node. A starting node reads the topic's newest records into memory before it serves; a
 * client resuming from further back is served from the topic itself.
 */
public final class KafkaBackplane implements Backplane, ReplaySource {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBackplane.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final long DEEP_REPLAY_TIMEOUT_MILLIS = 60_000;

    private final KafkaBackplaneSettings settings;
    private final EventRecordCodec codec = new EventRecordCodec();
    private final TopicPartition partition;

    private EventLog hub;
    private String epoch;
    /** An id of this backplane's epoch, to derive the others from without checking the epoch again. */
    private EventId origin;
    private Producer<String, byte[]> producer;
    private Consumer<String, byte[]> consumer;
    private Thread reader;
    private ThreadPoolExecutor deepReplays;
    private volatile boolean running;

    public KafkaBackplane(KafkaBackplaneSettings settings) {
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    @Override
    public void start(EventLog hub) throws Exception {
        this.hub = hub;
        this.epoch = epochOf(ensureTopic());
        this.origin = new EventId(epoch, 0);
        hub.epoch(epoch);
        consumer = new KafkaConsumer<>(consumerProperties());
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
        long from = Math.max(begin, end - settings.rebuildEvents());
        consumer.seek(partition, from);
        hub.history(from + 1, this);
        rebuild(end);
        deepReplays = new ThreadPoolExecutor(settings.maxDeepReplays(), settings.maxDeepReplays(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), r -> new Thread(r, "progress-kafka-replay"));
        deepReplays.allowCoreThreadTimeOut(true);
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        reader = new Thread(this::readLive, "progress-kafka-backplane");
        reader.setDaemon(true);
        reader.start();
        LOG.info("Kafka backplane on topic {} (epoch {}): rebuilt offsets {} to {} into memory", settings.topic(), epoch, from, end);
    }

    /** Reads the topic up to {@code end} into the hub before the node serves anyone. */
    private void rebuild(long end) throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (consumer.position(partition) < end) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("Kafka backplane could not read topic " + settings.topic() + " up to offset " + end
                                      + " within " + START_TIMEOUT_MILLIS + " ms");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                accept(record);
            }
        }
    }

    private void readLive() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    accept(record);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kafka backplane read from {} failed; retrying: {}", settings.topic(), e.getMessage());
            }
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        Event event = eventOf(record);
        if (event != null) {
            hub.accept(event);
        }
    }

    private Event eventOf(ConsumerRecord<String, byte[]> record) {
        try {
            return new Event(origin.withSequence(record.offset() + 1), codec.decode(record.value()), record.timestamp());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping record {} of {}: {}", record.offset(), settings.topic(), e.getMessage());
            return null;
        }
    }

    @Override
    public CompletionStage<Event> publish(EventDraft draft) {
        CompletableFuture<Event> accepted = new CompletableFuture<>();
        try {
            hub.reserve(draft.stream());
            producer.send(new ProducerRecord<>(settings.topic(), 0, draft.stream(), codec.encode(draft)), (metadata, error) -> {
                if (error != null) {
                    accepted.completeExceptionally(notAcknowledged(draft, error));
                } else {
                    accepted.complete(new Event(origin.withSequence(metadata.offset() + 1), draft, metadata.timestamp()));
                }
            });
        } catch (RuntimeException e) {
            accepted.completeExceptionally(e instanceof org.apache.kafka.common.KafkaException ? notAcknowledged(draft, e) : e);
        }
        return accepted;
    }

    private ProgressBackplaneException notAcknowledged(EventDraft draft, Throwable cause) {
        return new ProgressBackplaneException("The Kafka backplane could not publish the event of stream '" + draft.stream()
                                              + "' to topic " + settings.topic() + " within " + settings.publishTimeoutMillis()
                                              + " ms: " + cause.getMessage(), cause);
    }

    @Override
    public void replay(StreamSelection selection, long afterSequence, long upToSequence, DeepReplay target) {
        try {
            deepReplays.execute(() -> deepReplay(selection, afterSequence, upToSequence, target));
        } catch (RejectedExecutionException e) {
            target.failed(e);
        }
    }

    /** Reads offsets {@code afterSequence} to {@code upToSequence - 1} (sequences after..upTo) of the selected streams. */
    private void deepReplay(StreamSelection selection, long afterSequence, long upToSequence, DeepReplay target) {
        try (Consumer<String, byte[]> reader = new KafkaConsumer<>(consumerProperties())) {
            reader.assign(List.of(partition));
            long begin = reader.beginningOffsets(List.of(partition)).get(partition);
            long from = afterSequence;
            if (from < begin) {
                List<String> names = new ArrayList<>(selection.streams());
                selection.channels().forEach(c -> names.add(c + "/*"));
                target.gap(names, new EventId(epoch, begin));
                from = begin;
            }
            long last = upToSequence - 1;
            reader.seek(partition, from);
            long deadline = System.currentTimeMillis() + DEEP_REPLAY_TIMEOUT_MILLIS;
            while (reader.position(partition) <= last) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("replay from " + settings.topic() + " took longer than " + DEEP_REPLAY_TIMEOUT_MILLIS + " ms");
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() > last) {
                        break;
                    }
                    Event event = eventOf(record);
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

    /** Makes sure the topic exists with one partition, and returns its id. */
    private Uuid ensureTopic() throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            TopicDescription description;
            try {
                description = describe(admin);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                try {
                    admin.createTopics(List.of(new NewTopic(settings.topic(), 1, (short) -1))).all()
                            .get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    LOG.info("Created backplane topic {} with one partition", settings.topic());
                } catch (ExecutionException exists) {
                    if (!(exists.getCause() instanceof TopicExistsException)) {
                        throw exists;
                    }
                }
                description = describe(admin);
            }
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Backplane topic " + settings.topic() + " has " + description.partitions().size()
                                                + " partitions; it needs exactly one, so that every node orders events alike");
            }
            return description.topicId();
        }
    }

    private TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(settings.topic())).allTopicNames()
                .get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(settings.topic());
    }

    /** A short [a-z0-9] epoch from the topic's id: a deleted and re-created topic gets a new one. */
    static String epochOf(Uuid topicId) {
        return Long.toString((topicId.getMostSignificantBits() ^ topicId.getLeastSignificantBits()) & Long.MAX_VALUE, 36);
    }

    private Properties producerProperties() {
        Properties props = copy(settings.producerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        long timeout = Math.max(2_000, settings.publishTimeoutMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        return props;
    }

    private Properties consumerProperties() {
        Properties props = copy(settings.consumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        Set<String> known = AdminClientConfig.configNames();
        for (Map.Entry<Object, Object> e : settings.producerProperties().entrySet()) {
            if (known.contains(String.valueOf(e.getKey()))) {
                props.put(e.getKey(), e.getValue());
            }
        }
        return props;
    }

    private static Properties copy(Properties source) {
        Properties props = new Properties();
        props.putAll(source);
        return props;
    }

    @Override
    public void stop() throws Exception {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            reader.join(10_000);
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (deepReplays != null) {
            deepReplays.shutdownNow();
        }
    }
}
