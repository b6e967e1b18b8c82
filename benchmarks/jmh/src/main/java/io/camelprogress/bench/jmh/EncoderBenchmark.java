package io.camelprogress.bench.jmh;

import java.util.concurrent.TimeUnit;

import io.camelprogress.event.Event;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.JsonEventEncoder;
import io.camelprogress.event.SseEncoder;
import io.vertx.core.buffer.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding one event for SSE and for WebSocket frames: done once per event, whatever the number of subscribers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {

    /** Payload of about 100 bytes, or the same with line breaks. */
    @Param({ "plain", "multiline" })
    public String shape;

    private String data;
    private EventDraft draft;
    private long sequence;

    @Setup
    public void setUp() {
        String body = "{\"stage\":\"scanning\",\"percent\":30,\"current\":3,\"total\":10,\"message\":\"line three of ten\"}";
        data = shape.equals("plain") ? body : body.replace(",", ",\n");
        draft = new EventDraft("uploads/job42", "progress", data, true, false);
    }

    @Benchmark
    public Buffer sseEvent() {
        return SseEncoder.event("k3f9a0-" + sequence++, "progress", data);
    }

    @Benchmark
    public String webSocketFrame() {
        return JsonEventEncoder.event(new Event(new EventId("k3f9a0", sequence++), draft, 0));
    }

    @Benchmark
    public String webSocketFrameOfText() {
        return JsonEventEncoder.direct(new EventDraft("uploads/job42", "progress", data, false, false));
    }
}
