package io.camelprogress.fuzz;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** What a fuzz run saw: answers by status, and each broken expectation by category with its first cases. */
final class Findings {

    /**
     * The WebSocket and slow-header findings at the top of issue 9, which branch ws fixes in parallel. A category
     * starting with one of these is counted and shown but does not fail the run. The lead removes each entry once
     * its fix is merged; nothing else may be added here.
     */
    /**
     * Findings that are documented limits rather than bugs: Camel's platform-http server takes no bound on how long a
     * request head may take (README, Bounds), so a client trickling its headers is closed there only by a proxy.
     */
    static final Set<String> KNOWN_LIMITS = Set.of("http.stalled-headers.unbounded-on-platform-http");  // a client that never finishes its headers stays connected

    private static final int EXAMPLES = 3;

    private final Map<String, AtomicLong> counts = new ConcurrentSkipListMap<>();
    private final Map<String, java.util.List<String>> examples = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answers = new ConcurrentSkipListMap<>();
    private final AtomicLong cases = new AtomicLong();

    void ran() {
        cases.incrementAndGet();
    }

    long cases() {
        return cases.get();
    }

    /** Counts an answer, as {@code "http 404"} or {@code "ws close 1002"}. */
    void answered(String what) {
        answers.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void broken(String category, String example) {
        counts.computeIfAbsent(category, k -> new AtomicLong()).incrementAndGet();
        java.util.List<String> kept = examples.computeIfAbsent(category, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        if (kept.size() < EXAMPLES) {
            kept.add(example.length() > 600 ? example.substring(0, 600) + "..." : example);
        }
    }

    static boolean known(String category) {
        return KNOWN_LIMITS.stream().anyMatch(category::startsWith);
    }

    /** The broken expectations that fail the run, with their examples; empty when none. */
    String failures() {
        return describe(false);
    }

    /** The known (tolerated) findings, with their examples. */
    String tolerated() {
        return describe(true);
    }

    private String describe(boolean knownOnes) {
        return counts.entrySet().stream().filter(e -> known(e.getKey()) == knownOnes)
                .map(e -> e.getKey() + " x" + e.getValue() + examples.get(e.getKey()).stream().map(x -> "\n      " + x)
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n    "));
    }

    Map<String, Long> answers() {
        Map<String, Long> copy = new TreeMap<>();
        answers.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
