package io.camelprogress.backplane.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The settings of the backplane's Kafka clients: the application's camel-kafka ones, with what the backplane relies on. */
final class KafkaClientProperties {

    /**
     * How long the producer waits to fill a batch when it hands events on without waiting for each
     * acknowledgement. A sequential route then sends far fewer, larger requests, which is what lets one
     * partition take tens of thousands of events a second; it delays an event to its subscribers by at
     * most this much. With an acknowledgement per event it is 0: a sequential route would wait it out
     * on every event.
     */
    private static final int LINGER_MILLIS = 2;
    /**
     * The largest batch: at linger and ~150-byte records a sequential route fills 16 KB (the default)
     * before the linger ends, so a larger batch saves requests. Memory stays bounded by
     * {@code buffer.memory}, which the Kafka producer blocks on when full.
     */
    private static final int BATCH_BYTES = 128 * 1024;
    private static final int MAX_POLL_RECORDS = 2000;

    private KafkaClientProperties() {
    }

    static Properties producer(KafkaBackplaneSettings settings) {
        Properties props = copy(settings.producerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // one partition and an idempotent producer with at most 5 requests in flight store records in send
        // order with no gap or duplicate from retries: an acknowledged record vouches for every record before it
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        int linger = settings.ackEveryEvent() ? 0 : LINGER_MILLIS;
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(linger));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
        long timeout = Math.max(2_000, settings.publishTimeoutMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        // the producer refuses a delivery timeout shorter than linger plus request timeout
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout + linger));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        return props;
    }

    /** A reader of its own: no group, no committed offsets, positions set by the backplane. */
    static Properties consumer(KafkaBackplaneSettings settings) {
        Properties props = copy(settings.consumerProperties());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
        return props;
    }

    /** The producer's settings that an admin client knows (brokers, security). */
    static Properties admin(KafkaBackplaneSettings settings) {
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
}
