package io.camelprogress.backplane.kafka;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the backplane topic with one partition when it is missing, and refuses a topic with more:
 * one partition is what lets one cursor order the events of every stream alike on every node.
 */
final class BackplaneTopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(BackplaneTopicAdmin.class);
    private static final long TIMEOUT_MILLIS = 60_000;

    private final KafkaBackplaneSettings settings;

    BackplaneTopicAdmin(KafkaBackplaneSettings settings) {
        this.settings = settings;
    }

    /**
     * @return the topic's id, from which the epoch of the ids is derived
     * @throws IllegalStateException when the topic has more than one partition
     */
    Uuid createOrVerify() throws Exception {
        try (Admin admin = Admin.create(KafkaClientProperties.admin(settings))) {
            TopicDescription description;
            try {
                description = describe(admin);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                create(admin);
                description = describe(admin);
            }
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Backplane topic " + settings.topic() + " has " + description.partitions().size()
                                                + " partitions; it needs exactly one, so that every node orders events alike");
            }
            return description.topicId();
        }
    }

    private void create(Admin admin) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(settings.topic(), 1, (short) -1))).all().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            LOG.info("Created backplane topic {} with one partition", settings.topic());
        } catch (ExecutionException e) {
            // another node created it first
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(settings.topic())).allTopicNames()
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(settings.topic());
    }
}
