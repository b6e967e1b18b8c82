package io.camelprogress.kafkait;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs of {@link NodeMain}'s sequential route, per stream, inside a node: how many events the
 * route was told were published, how it ended, and the gate a run may wait at.
 */
final class Runs {

    private static final Map<String, Run> BY_STREAM = new ConcurrentHashMap<>();

    private Runs() {
    }

    static Run start(String stream) {
        Run run = new Run();
        BY_STREAM.put(stream, run);
        return run;
    }

    static Run of(String stream) {
        return BY_STREAM.get(stream);
    }

    static final class Run {
        private final AtomicInteger told = new AtomicInteger();
        private final CountDownLatch resume = new CountDownLatch(1);
        private volatile String outcome = "running";

        /** The route's exchange for one event completed without an exception. */
        void told() {
            told.incrementAndGet();
        }

        void ended(String outcome) {
            this.outcome = outcome;
        }

        /** Holds the route until the test resumes it, at most a minute. */
        void pause() throws InterruptedException {
            if (!resume.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not resumed within 60 s");
            }
        }

        void resume() {
            resume.countDown();
        }

        /** {@code <told>\n<outcome>}: outcome is running, done <terminal id>, or failed <message>. */
        String report() {
            return told.get() + "\n" + outcome;
        }
    }
}
