package io.camelprogress.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code file-progress.camel.yaml} as it is, on Camel Main: files moved into the inbox stream their
 * lines' progress and a {@code done}; a malformed line gives {@code error} and the next file still
 * imports; a file of a million lines sends at most 102 progress events.
 */
@Timeout(180)
class FileProgressRouteTest {

    @TempDir
    static Path dir;
    private static Path inbox;
    private static RouteFileMain app;

    @BeforeAll
    static void start() throws Exception {
        inbox = Files.createDirectory(dir.resolve("inbox"));
        app = RouteFileMain.start("file-progress.camel.yaml", Map.of("inbox", inbox.toString(), "inbox.delay", "50"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Writes the file beside the inbox, then moves it in, as the route file asks. */
    private static void drop(String name, String content) throws Exception {
        Path staged = dir.resolve(name);
        Files.writeString(staged, content, StandardCharsets.UTF_8);
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void eachLineAdvancesTheFilesStreamThenDone() throws Exception {
        BlockingQueue<String> lines = app.subscribe("/progress/files/orders.csv");
        drop("orders.csv", "apples,3\npears,10\nplums,7\nfigs,1\n");
        List<String> events = SseLines.eventsUntilEnd(lines, Duration.ofSeconds(30));
        assertEquals(List.of(
                "progress {\"stream\":\"files/orders.csv\",\"stage\":\"importing\",\"percent\":25,\"current\":1,\"total\":4,\"message\":\"apples,3\"}",
                "progress {\"stream\":\"files/orders.csv\",\"stage\":\"importing\",\"percent\":50,\"current\":2,\"total\":4,\"message\":\"pears,10\"}",
                "progress {\"stream\":\"files/orders.csv\",\"stage\":\"importing\",\"percent\":75,\"current\":3,\"total\":4,\"message\":\"plums,7\"}",
                "progress {\"stream\":\"files/orders.csv\",\"stage\":\"importing\",\"percent\":100,\"current\":4,\"total\":4,\"message\":\"figs,1\"}",
                "done {\"file\":\"orders.csv\",\"lines\":4}"), events);
        awaitFile(inbox.resolve(".done/orders.csv"));
    }

    @Test
    void aMalformedLineRejectsTheFileWithTheReasonAndTheNextFileImports() throws Exception {
        BlockingQueue<String> bad = app.subscribe("/progress/files/bad.csv");
        drop("bad.csv", "apples,3\npears,10\nno quantity here\nfigs,1\n");
        List<String> events = SseLines.eventsUntilEnd(bad, Duration.ofSeconds(30));
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.get(1).startsWith("progress {\"stream\":\"files/bad.csv\",\"stage\":\"importing\",\"percent\":50"), events.get(1));
        assertEquals("error bad.csv rejected: line 3 is not <name>,<quantity>: 'no quantity here'", events.get(2));
        awaitFile(inbox.resolve(".failed/bad.csv"));

        BlockingQueue<String> next = app.subscribe("/progress/files/next.csv");
        drop("next.csv", "kiwis,2\n");
        assertEquals(List.of(
                "progress {\"stream\":\"files/next.csv\",\"stage\":\"importing\",\"percent\":100,\"current\":1,\"total\":1,\"message\":\"kiwis,2\"}",
                "done {\"file\":\"next.csv\",\"lines\":1}"), SseLines.eventsUntilEnd(next, Duration.ofSeconds(30)));
    }

    @Test
    void aMillionLinesSendAtMost102ProgressEventsThenDone() throws Exception {
        int count = 1_000_000;
        Path staged = dir.resolve("million.csv");
        try (var out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                out.write("item-");
                out.write(Integer.toString(i));
                out.write(",1\n");
            }
        }
        BlockingQueue<String> lines = app.subscribe("/progress/files/million.csv");
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve("million.csv"), StandardCopyOption.ATOMIC_MOVE);
        List<String> events = SseLines.eventsUntilEnd(lines, Duration.ofSeconds(150));
        double seconds = (System.nanoTime() - start) / 1e9;

        int progress = ProgressEvents.assertPercentsRiseTo100(events);
        assertTrue(progress <= 102, progress + " progress events");
        assertEquals("done {\"file\":\"million.csv\",\"lines\":1000000}", events.get(events.size() - 1));
        assertEquals(progress + 1, events.size(), "progress events and done, nothing else");
        System.out.printf("file-progress: %,d lines in %.2f s (%,.0f lines/s through the streaming splitter), %d progress events + done%n",
                count, seconds, count / seconds, progress);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file);
            }
            Thread.sleep(20);
        }
    }
}
