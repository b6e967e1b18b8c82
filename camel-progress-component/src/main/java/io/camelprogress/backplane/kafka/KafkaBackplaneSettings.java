package io.camelprogress.backplane.kafka;

import java.util.Properties;

/**
 * How the Kafka backplane reaches and uses its topic.
 *
 * @param topic                the backplane topic; created with one partition when missing
 * @param producerProperties   kafka-clients producer properties (brokers, security, client settings)
 * @param consumerProperties   kafka-clients consumer properties (brokers, security, client settings)
 * @param publishTimeoutMillis how long a publish may wait for the broker's acknowledgement
 * @param rebuildEvents        how many of the topic's newest records a starting node reads into memory
 * @param maxDeepReplays       replays from the topic running at once; more wait in line
 * @param ackEveryEvent        whether every publish waits for the broker's acknowledgement, rather than
 *                             only those of terminal events
 */
public record KafkaBackplaneSettings(String topic, Properties producerProperties, Properties consumerProperties,
        long publishTimeoutMillis, int rebuildEvents, int maxDeepReplays, boolean ackEveryEvent) {
}
