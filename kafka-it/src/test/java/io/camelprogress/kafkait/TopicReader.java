package io.camelprogress.kafkait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the whole backplane topic, to know what was acknowledged: the truth the clients are checked against. */
final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** The data of every event in the topic, per stream, in order. */
    static Map<String, List<String>> dataByStream(String brokers, String topic) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", brokers);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Map<String, List<String>> byStream = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    byStream.computeIfAbsent(event.get("stream").asText(), s -> new ArrayList<>()).add(event.get("data").asText());
                }
            }
            if (consumer.position(partition) < end) {
                throw new AssertionError("could not read topic " + topic + " to its end " + end);
            }
        }
        return byStream;
    }
}
