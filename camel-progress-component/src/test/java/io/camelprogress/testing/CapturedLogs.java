package io.camelprogress.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log event of every logger while it is active, with {@code io.camelprogress} opened down to
 * TRACE, and asserts on what was logged.
 * <p>
 * As a JUnit 5 extension it captures during each test when registered on an instance field, and during the
 * whole class (every test and the {@code @BeforeAll}/{@code @AfterAll} methods after it) when registered on a
 * static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final CapturedLogs LOGS = CapturedLogs.capture().atLevel("org.apache.camel", Level.DEBUG);
 * ...
 * LOGS.assertNoLineContains(ticket);
 * LOGS.assertNoErrorWithStackTrace();
 * </pre>
 * <p>
 * It can also be used by hand: {@link #start()} and {@link #close()}. A logger opened to a finer level keeps
 * writing to the console at its configured level, so a TRACE capture does not flood the build output; the
 * configuration is put back as it was at the end. Lines are formatted when logged (log4j may reuse its event
 * objects), and at most {@code maxLines} are kept: an assertion over a capture that dropped lines fails
 * rather than pass on what it did not see.
 */
public final class CapturedLogs implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    /** One captured event. {@code throwable} is its stack trace (with causes) or null; {@code mdc} its context map. */
    public record Line(Level level, String logger, String thread, String message, String throwable, Map<String, String> mdc) {

        /** Whether it carries a throwable with frames (Vert.x, for one, logs some exceptions made without any). */
        public boolean hasStackTrace() {
            return throwable != null && throwable.contains("\tat ");
        }

        /** The line as a log file would show it, the stack trace on the lines after it. */
        public String formatted() {
            String line = level + " " + logger + " [" + thread + "] " + message;
            return throwable == null ? line : line + System.lineSeparator() + throwable;
        }
    }

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Two captures at once would undo each other's changes to the configuration in the wrong order. */
    private static final AtomicBoolean ACTIVE = new AtomicBoolean();
    private static final int DEFAULT_MAX_LINES = 200_000;

    private final Map<String, Level> levels = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final String appenderName = "CapturedLogs-" + INSTANCES.incrementAndGet();
    private int maxLines = DEFAULT_MAX_LINES;
    private Restore restore;
    private boolean classScope;

    private CapturedLogs() {
        levels.put("io.camelprogress", Level.TRACE);
    }

    /** A capture of every logger at its configured level, and of {@code io.camelprogress} down to TRACE. */
    public static CapturedLogs capture() {
        return new CapturedLogs();
    }

    /** Also opens logger {@code name} (and those below it that have no level of their own) down to {@code level}. */
    public CapturedLogs atLevel(String name, Level level) {
        levels.put(name, level);
        return this;
    }

    /** Keeps at most {@code max} lines; later ones are counted as dropped. */
    public CapturedLogs maxLines(int max) {
        this.maxLines = max;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (restore == null) {
            classScope = true;
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classScope) {
            classScope = false;
            close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (restore == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScope) {
            close();
        }
    }

    /** Starts capturing (and clears what an earlier capture kept); returns this, to close in a try block. */
    public synchronized CapturedLogs start() {
        if (restore != null || !ACTIVE.compareAndSet(false, true)) {
            throw new IllegalStateException("another CapturedLogs is capturing: one at a time (class or test scope)");
        }
        clear();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        restore = new Restore(context, new Capture(appenderName));
        restore.install(levels);
        return this;
    }

    /** Stops capturing and puts the log configuration back; the captured lines stay readable. */
    @Override
    public synchronized void close() {
        if (restore != null) {
            try {
                restore.uninstall();
            } finally {
                restore = null;
                ACTIVE.set(false);
            }
        }
    }

    /** Forgets what was captured so far. */
    public void clear() {
        lines.clear();
        kept.set(0);
        dropped.set(0);
    }

    /** The captured events, in the order they were logged. */
    public List<Line> events() {
        return List.copyOf(lines);
    }

    /** Every captured event formatted with its stack trace, in the order they were logged. */
    public List<String> lines() {
        return lines.stream().map(Line::formatted).toList();
    }

    /** How many events were not kept because {@code maxLines} were already. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Fails when a captured line or stack trace contains any of {@code needles}; the lines the failure quotes show
     * {@code <needle>} in place of it, so that a leaked secret does not leak again into the test report.
     */
    public void assertNoLineContains(String... needles) {
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) {
                throw new IllegalArgumentException("empty needle");
            }
            assertNone(line -> line.formatted().contains(needle),
                    "log lines with a forbidden text (of " + needle.length() + " characters)",
                    text -> text.replace(needle, "<needle>"));
        }
    }

    /** Fails when an ERROR or FATAL event carries a stack trace (a throwable with frames). */
    public void assertNoErrorWithStackTrace() {
        assertNoStackTraceAtOrAbove(Level.ERROR);
    }

    /** Fails when an event at {@code level} or more severe carries a stack trace. */
    public void assertNoStackTraceAtOrAbove(Level level) {
        assertNone(line -> line.hasStackTrace() && line.level().isMoreSpecificThan(level),
                "log events at " + level + " or above with a stack trace");
    }

    /** Fails when any captured event matches {@code unwanted}, quoting the first ones. */
    public void assertNone(Predicate<Line> unwanted, String what) {
        assertNone(unwanted, what, UnaryOperator.identity());
    }

    private void assertNone(Predicate<Line> unwanted, String what, UnaryOperator<String> mask) {
        if (dropped.get() > 0) {
            throw new AssertionError("cannot assert that there are no " + what + ": " + dropped.get()
                    + " log events were dropped past the bound of " + maxLines);
        }
        List<Line> found = lines.stream().filter(unwanted).toList();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " " + what + ", first ones:" + System.lineSeparator()
                    + found.stream().limit(5).map(line -> shortened(mask.apply(line.formatted())))
                            .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    private static String shortened(String text) {
        return text.length() > 4_000 ? text.substring(0, 4_000) + " ..." : text;
    }

    private void keep(LogEvent event) {
        if (kept.incrementAndGet() > maxLines) {
            kept.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        String throwable = null;
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            throwable = trace.toString().stripTrailing();
        }
        lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getThreadName(),
                event.getMessage().getFormattedMessage(), throwable, Map.copyOf(event.getContextData().toMap())));
    }

    private final class Capture extends AbstractAppender {

        Capture(String name) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            keep(event);
        }
    }

    /**
     * What the capture changed in the configuration, to undo it. A logger opened to a finer level is replaced,
     * while capturing, by a non-additive one that writes to the capture at every level and to the appenders it
     * inherited at the level they saw before; the capture is added to the root and to every other non-additive
     * logger, so that each event reaches it exactly once.
     */
    private static final class Restore {

        private final LoggerContext context;
        private final Configuration config;
        private final Appender capture;
        private final Map<String, LoggerConfig> replaced = new LinkedHashMap<>();
        private final List<LoggerConfig> attached = new ArrayList<>();

        Restore(LoggerContext context, Appender capture) {
            this.context = context;
            this.config = context.getConfiguration();
            this.capture = capture;
        }

        void install(Map<String, Level> levels) {
            capture.start();
            config.addAppender(capture);
            levels.forEach(this::open);
            for (LoggerConfig logger : config.getLoggers().values()) {
                if (!logger.isAdditive() || logger.getParent() == null) {
                    attach(logger);
                }
            }
            attach(config.getRootLogger());
            context.updateLoggers();
        }

        private void open(String name, Level level) {
            LoggerConfig before = config.getLoggerConfig(name);
            if (before.getLevel().isLessSpecificThan(level)) {
                return;
            }
            LoggerConfig opened = LoggerConfig.newBuilder().withLoggerName(name).withLevel(level)
                    .withAdditivity(false).withRefs(new AppenderRef[0]).withConfig(config)
                    .withFilter(before.getName().equals(name) ? before.getFilter() : null).build();
            for (LoggerConfig source = before; source != null; source = source.getParent()) {
                Map<String, Level> refLevels = new LinkedHashMap<>();
                Map<String, Filter> refFilters = new LinkedHashMap<>();
                for (AppenderRef ref : source.getAppenderRefs()) {
                    refLevels.put(ref.getRef(), ref.getLevel());
                    refFilters.put(ref.getRef(), ref.getFilter());
                }
                for (Appender appender : source.getAppenders().values()) {
                    Level refLevel = refLevels.get(appender.getName());
                    Level seen = refLevel == null || before.getLevel().isMoreSpecificThan(refLevel)
                            ? before.getLevel() : refLevel;
                    opened.addAppender(appender, seen, refFilters.get(appender.getName()));
                }
                if (!source.isAdditive()) {
                    break;
                }
            }
            LoggerConfig exact = config.getLoggers().get(name);
            replaced.put(name, exact);
            if (exact != null) {
                config.removeLogger(name);
            }
            config.addLogger(name, opened);
        }

        private void attach(LoggerConfig logger) {
            if (!attached.contains(logger)) {
                logger.addAppender(capture, null, null);
                attached.add(logger);
            }
        }

        void uninstall() {
            for (LoggerConfig logger : attached) {
                logger.removeAppender(capture.getName());
            }
            replaced.forEach((name, exact) -> {
                config.removeLogger(name);
                if (exact != null) {
                    config.addLogger(name, exact);
                }
            });
            if (config instanceof AbstractConfiguration abstractConfig) {
                abstractConfig.removeAppender(capture.getName());
            }
            context.updateLoggers();
            capture.stop();
        }
    }
}
