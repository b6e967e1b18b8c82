package io.camelprogress.backplane.kafka;

import java.util.Properties;

import io.camelprogress.backplane.Backplane;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

/**
 * Builds the Kafka backplane from the application's camel-kafka settings: brokers, security and
 * client properties are those of the named Kafka component ({@code camel.component.kafka.*}), so
 * every camel-kafka option applies. Kept apart so that camel-kafka is needed only when used.
 */
public final class KafkaBackplanes {

    private KafkaBackplanes() {
    }

    /**
     * @param componentName the Kafka component whose configuration to use, usually {@code kafka}
     * @param brokers       brokers overriding the component's, or null
     * @param ackEveryEvent whether every publish waits for the broker's acknowledgement, not only those of
     *                      terminal events
     */
    public static Backplane create(CamelContext context, String componentName, String brokers, String topic,
                                   long publishTimeoutMillis, int rebuildEvents, int maxDeepReplays, boolean ackEveryEvent) {
        KafkaComponent kafka = context.getComponent(componentName, KafkaComponent.class);
        if (kafka == null) {
            throw new IllegalStateException("backplane=kafka needs camel-kafka on the classpath (component '" + componentName + "')");
        }
        KafkaConfiguration configuration = kafka.getConfiguration().copy();
        if (brokers != null && !brokers.isBlank()) {
            configuration.setBrokers(brokers);
        }
        if (configuration.getBrokers() == null || configuration.getBrokers().isBlank()) {
            throw new IllegalStateException("backplane=kafka needs brokers: set camel.component.progress.kafkaBrokers"
                                            + " or camel.component." + componentName + ".brokers");
        }
        Properties producer = configuration.createProducerProperties();
        Properties consumer = configuration.createConsumerProperties();
        producer.put("bootstrap.servers", configuration.getBrokers());
        consumer.put("bootstrap.servers", configuration.getBrokers());
        return new KafkaBackplane(new KafkaBackplaneSettings(topic, producer, consumer, publishTimeoutMillis, rebuildEvents,
                maxDeepReplays, ackEveryEvent), context.getExecutorServiceManager());
    }
}
