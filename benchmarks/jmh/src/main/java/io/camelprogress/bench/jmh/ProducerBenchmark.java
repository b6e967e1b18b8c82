package io.camelprogress.bench.jmh;

import java.util.concurrent.TimeUnit;

import io.camelprogress.component.ProgressComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** An exchange into {@code progress:} with no subscriber, through a ProducerTemplate: the route-throughput path in-process. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProducerBenchmark {

    private CamelContext context;
    private ProducerTemplate template;
    private Endpoint progress;
    private final String body = "{\"l\":0,\"seq\":1,\"t\":123456789,\"p\":\"" + "x".repeat(60) + "\"}";

    @Setup
    public void setUp() throws Exception {
        context = new DefaultCamelContext();
        ProgressComponent component = new ProgressComponent();
        component.setHost("127.0.0.1");
        component.setPort(0);
        component.setMaxEventsPerStream(2000);
        context.addComponent("progress", component);
        context.start();
        template = context.createProducerTemplate();
        progress = context.getEndpoint("progress:bench");
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public Object intoProgress() {
        return template.requestBody(progress, body);
    }
}
