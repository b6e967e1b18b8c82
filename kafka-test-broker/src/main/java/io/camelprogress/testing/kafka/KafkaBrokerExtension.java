package io.camelprogress.testing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running one {@link KafkaBroker} per test class, on a fresh temporary data directory
 * that is deleted afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
 *
 * @Test
 * void sends() {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the broker starts in {@code beforeAll} and stops in
 * {@code afterAll}. {@code @Nested} classes share the enclosing class's broker.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private KafkaBroker broker;
    private Path dataDir;
    // @Nested classes call beforeAll/afterAll again; only the outermost pair may start and stop the broker
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (depth++ > 0) {
            return;
        }
        dataDir = Files.createTempDirectory("kafka-test-broker-");
        broker = new KafkaBroker(dataDir);
        broker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth > 0) {
            return;
        }
        try {
            if (broker != null) {
                broker.stop();
            }
        } finally {
            broker = null;
            deleteDataDir();
        }
    }

    /**
     * {@return the running broker}, e.g. to {@link KafkaBroker#kill()} or {@link KafkaBroker#restart()} it.
     *
     * @throws IllegalStateException outside the test class's lifecycle, e.g. when registered on a non-static field
     */
    public KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("No Kafka broker: register KafkaBrokerExtension on a static field"
                    + " with @RegisterExtension and use it from within the test class");
        }
        return broker;
    }

    /** {@return the broker's {@code bootstrap.servers} address}, the same across restarts. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(KafkaBrokerExtension::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the Kafka data directory " + dataDir, e);
        } finally {
            dataDir = null;
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
