package io.camelprogress.testing.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft combined mode: broker and controller in one process) running in a
 * separate JVM, listening on loopback only.
 *
 * <p>The broker's jars come from a lib directory (see {@link #KafkaBroker(Path)}), so neither Scala nor the
 * Kafka server ever joins the caller's classpath, and a test can {@link #kill()} the broker like a crash.
 * Ports are chosen once per instance, so a {@link #restart()} keeps the same bootstrap address and, since
 * the data directory is kept too, the same topics and records.
 *
 * <p>Layout of the data directory: {@code server.properties}, {@code log4j.properties}, {@code broker.log}
 * (the broker's stdout and stderr, appended across restarts) and {@code kafka-logs/} (the log dir).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final int LOG_TAIL_CHARS = 4096;
    private static final int MAX_ERROR_LINES = 20;
    private static final String LOG4J_PROPERTIES = String.join("\n",
            "log4j.rootLogger=INFO, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "");

    private final Path dataDir;
    private final Path libDir;
    private final int port;
    private final int controllerPort;

    private Process process;
    private Thread shutdownHook;
    // the log is appended across restarts: a failure report should only show the failed launch
    private long launchLogOffset;

    /**
     * Creates a broker whose jars are found by the lib lookup: the system property {@code kafka.broker.lib}
     * if set, otherwise the kafka-test-broker module's {@code target/kafka-broker-lib}, located next to
     * this class's origin or relative to the working directory.
     *
     * @param dataDir directory for the broker's configuration, log file and data; created if missing
     * @throws IllegalStateException if no lib directory is found
     */
    public KafkaBroker(Path dataDir) {
        this(dataDir, BrokerLibDir.locate());
    }

    /**
     * Creates a broker running from the given jars.
     *
     * @param dataDir directory for the broker's configuration, log file and data; created if missing
     * @param libDir  directory holding {@code kafka_2.13} with its runtime dependencies and a log4j 1 binding
     */
    public KafkaBroker(Path dataDir, Path libDir) {
        this.dataDir = dataDir.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        int[] ports = freeLoopbackPorts(2);
        this.port = ports[0];
        this.controllerPort = ports[1];
    }

    /**
     * Starts the broker, formatting the storage first if this data directory has never been formatted, and
     * returns once the broker answers clients as an active (unfenced) node.
     *
     * @throws IllegalStateException if already running, or the broker is not ready within 60 s; the message
     *                               carries the tail of the broker log
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Kafka broker already running at " + bootstrapServers());
        }
        if (process != null) {
            released(); // it died on its own: drop its shutdown hook before a new process takes its place
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(logDir());
            launchLogOffset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            Files.writeString(serverProperties(), serverPropertiesText(), StandardCharsets.UTF_8);
            Files.writeString(log4jProperties(), LOG4J_PROPERTIES, StandardCharsets.UTF_8);
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                formatStorage();
            }
            process = newProcess("kafka.Kafka", serverProperties().toString()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the Kafka broker in " + dataDir, e);
        }
        try {
            shutdownHook = killOnExit(process);
            awaitReady(deadline(START_TIMEOUT));
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
        LOG.info("Kafka broker ready at {} in {} ms (pid {}, log {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), logFile());
    }

    /**
     * Stops the broker gracefully (SIGTERM), falling back to a forced kill after 30 s. Does nothing if the
     * broker is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Kafka broker did not stop within {} s, killing it", STOP_TIMEOUT.toSeconds());
                destroyAndWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyAndWait();
        }
        released();
    }

    /**
     * Kills the broker at once ({@code kill -9}), as a crash would, and waits for the process to be gone.
     * Does nothing if the broker is not running.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        destroyAndWait();
        released();
    }

    /**
     * Stops the broker if it runs, then starts it again with the same data directory and ports.
     *
     * @see #start()
     */
    public synchronized void restart() {
        stop();
        start();
    }

    /** {@return whether the broker process is alive} */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@return the address for clients' {@code bootstrap.servers}, stable across restarts} */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** {@return the data directory} */
    public Path dataDir() {
        return dataDir;
    }

    /** {@return the file receiving the broker's output} */
    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    /** Stops the broker, like {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dataDir + "]";
    }

    private void formatStorage() throws IOException {
        // Kafka's random ids never start with '-', which the tool's argument parser would take for an option
        String clusterId = Uuid.randomUuid().toString();
        Process format = newProcess("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", serverProperties().toString()).start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw failure("Formatting the Kafka storage did not finish within "
                        + FORMAT_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw failure("Formatting the Kafka storage failed with exit code " + format.exitValue());
        }
    }

    private ProcessBuilder newProcess(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j.configuration=" + log4jProperties().toUri());
        command.add("-cp");
        command.add(libDir + File.separator + "*"); // expanded by the java launcher, no shell involved
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    /**
     * Waits until the client port accepts connections, then until the broker lists itself as an active node:
     * a KRaft broker opens its port while still fenced, and only an unfenced broker takes produce requests.
     */
    private void awaitReady(long deadline) {
        while (!accepts(port)) {
            checkStillStarting(deadline, "open its client port");
            pause();
        }
        try (Admin admin = Admin.create(adminProperties())) {
            while (!listsItself(admin)) {
                checkStillStarting(deadline, "become an active node");
                pause();
            }
        }
    }

    private boolean listsItself(Admin admin) {
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get();
            return nodes.stream().anyMatch(node -> node.id() == NODE_ID);
        } catch (ExecutionException e) {
            return false; // the broker is still starting; the next attempt will tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-test-broker-readiness");
        // short attempts, so that a dying broker is noticed between them rather than after a long retry
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return properties;
    }

    private void checkStillStarting(long deadline, String step) {
        if (!process.isAlive()) {
            throw failure("Kafka broker exited with code " + process.exitValue() + " before it could " + step);
        }
        if (System.nanoTime() - deadline > 0) {
            throw failure("Kafka broker did not " + step + " within " + START_TIMEOUT.toSeconds() + " s");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker");
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private void destroyAndWait() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Kafka broker pid {} still alive {} s after kill -9", process.pid(), STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void released() {
        process = null;
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway and finds the process gone
        }
        shutdownHook = null;
    }

    private static Thread killOnExit(Process process) {
        // a test run that ends without afterAll (Ctrl-C, a failing fork) must not leave a broker behind
        Thread hook = new Thread(process::destroyForcibly, "kafka-test-broker-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + " (data dir " + dataDir + ")\n" + logExcerpt());
    }

    /** The current launch's errors, which a long shutdown sequence pushes out of the tail, then the tail. */
    private String logExcerpt() {
        String log;
        try {
            byte[] bytes = Files.readAllBytes(logFile());
            int from = (int) Math.min(launchLogOffset, bytes.length);
            log = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e + ")";
        }
        List<String> errors = log.lines().filter(KafkaBroker::isErrorLine).limit(MAX_ERROR_LINES).toList();
        String tail = log.substring(Math.max(0, log.length() - LOG_TAIL_CHARS));
        return (errors.isEmpty() ? "" : "Errors in " + logFile() + ":\n" + String.join("\n", errors) + "\n")
                + "Tail of " + logFile() + ":\n" + tail;
    }

    private static boolean isErrorLine(String line) {
        return line.contains("] ERROR ") || line.contains("] FATAL ")
                || line.startsWith("Caused by: ") || line.startsWith("Error: ");
    }

    private Path logDir() {
        return dataDir.resolve("kafka-logs");
    }

    private Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    private Path log4jProperties() {
        return dataDir.resolve("log4j.properties");
    }

    private String serverPropertiesText() {
        String controller = HOST + ":" + controllerPort;
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@" + controller,
                "listeners=PLAINTEXT://" + bootstrapServers() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir(),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                // a lone test consumer should not wait the default 3 s for companions to join its group
                "group.initial.rebalance.delay.ms=0",
                // after a kill -9 the controller refuses the restarted broker's registration until the
                // dead incarnation's session expires: 9 s by default, which would dominate every restart
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=2500",
                "auto.create.topics.enable=true",
                "num.network.threads=2",
                "num.io.threads=2",
                "log.segment.bytes=16777216",
                "");
    }

    /** Binds all sockets at once so that the ports are distinct, then frees them for the broker. */
    private static int[] freeLoopbackPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(HOST, 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free loopback ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing was accepted on it; the port is free either way
                }
            }
        }
    }
}
