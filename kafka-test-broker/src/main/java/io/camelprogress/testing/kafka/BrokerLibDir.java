package io.camelprogress.testing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the directory holding the broker's jars, which the kafka-test-broker module's build copies into
 * its {@code target/kafka-broker-lib}.
 */
final class BrokerLibDir {

    /** System property naming the lib directory explicitly; it wins over every other lookup. */
    static final String PROPERTY = "kafka.broker.lib";

    private static final String DIR_NAME = "kafka-broker-lib";

    private BrokerLibDir() {
    }

    /**
     * Returns the lib directory.
     *
     * @throws IllegalStateException if none is found, or the configured one holds no Kafka jar
     */
    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!holdsKafka(dir)) {
                throw new IllegalStateException("System property " + PROPERTY + " points to " + dir
                        + ", which holds no kafka_*.jar; build the kafka-test-broker module first"
                        + " (mvn -pl kafka-test-broker -am install)");
            }
            return dir;
        }
        List<Path> candidates = candidates();
        return candidates.stream()
                .filter(BrokerLibDir::holdsKafka)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Kafka broker jars found; build the kafka-test-broker"
                        + " module first (mvn -pl kafka-test-broker -am install) or set -D" + PROPERTY
                        + "=<dir>. Looked in " + candidates));
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        // From the reactor (target/classes or target/*.jar) the lib dir sits next to this class's origin,
        // whatever directory the tests run in.
        codeSourceTarget().ifPresent(target -> candidates.add(target.resolve(DIR_NAME)));
        Path cwd = Path.of("").toAbsolutePath();
        for (String relative : List.of("kafka-test-broker/target/" + DIR_NAME,
                "../kafka-test-broker/target/" + DIR_NAME, "target/" + DIR_NAME)) {
            Path candidate = cwd.resolve(relative).normalize();
            if (!candidates.contains(candidate)) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    private static Optional<Path> codeSourceTarget() {
        CodeSource source = BrokerLibDir.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path origin = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(origin.toAbsolutePath().getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file-system location (e.g. a nested jar): the working-directory candidates remain
            return Optional.empty();
        }
    }

    private static boolean holdsKafka(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .anyMatch(name -> name.startsWith("kafka_") && name.endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
