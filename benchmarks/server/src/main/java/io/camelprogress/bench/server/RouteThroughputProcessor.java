package io.camelprogress.bench.server;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Sends {@code count} exchanges into a progress endpoint with a ProducerTemplate and answers
 * {@code {"count":N,"nanos":T}}. Bodies have the load generator's payload shape (lane 0, sequence
 * 0 to N - 1) so subscribers can check for loss. The endpoint is resolved once, as a route's
 * {@code to()} does, and a warm-up to another stream of the channel comes first, so that the timed
 * loop measures compiled code rather than the JIT compiler sharing the pinned core (5 s of it).
 */
public final class RouteThroughputProcessor implements Processor {

    /** Upper bound on one request, so a typo cannot run for hours. */
    static final int MAX_COUNT = 10_000_000;
    /** How long exchanges are sent before the timed loop: the JIT compiler needs a few seconds of the one core. */
    static final long WARMUP_NANOS = 5_000_000_000L;

    private final String endpointUri;

    /**
     * @param endpointUri the progress endpoint to send to
     */
    public RouteThroughputProcessor(String endpointUri) {
        this.endpointUri = endpointUri;
    }

    @Override
    public void process(Exchange exchange) {
        int count = Math.min(MAX_COUNT, Math.max(0, exchange.getIn().getHeader("count", 1000, Integer.class)));
        int payloadSize = Math.min(60_000, Math.max(48, exchange.getIn().getHeader("payloadSize", 100, Integer.class)));
        ProducerTemplate template = exchange.getContext().createProducerTemplate();
        try {
            String padding = "x".repeat(payloadSize);
            Endpoint warmup = exchange.getContext().getEndpoint(endpointUri + "?streamId=warmup");
            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            for (int seq = 0; seq < MAX_COUNT && System.nanoTime() < warmupEnd; seq++) {
                template.sendBody(warmup, body(seq, padding, payloadSize));
            }
            Endpoint endpoint = exchange.getContext().getEndpoint(endpointUri);
            // built before the clock starts: building them costs as much as the exchanges themselves
            String[] bodies = new String[count];
            for (int seq = 0; seq < count; seq++) {
                bodies[seq] = body(seq, padding, payloadSize);
            }
            long start = System.nanoTime();
            for (int seq = 0; seq < count; seq++) {
                template.sendBody(endpoint, bodies[seq]);
            }
            long nanos = System.nanoTime() - start;
            exchange.getMessage().setBody(("{\"count\":" + count + ",\"nanos\":" + nanos + "}")
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            template.stop();
        }
    }

    private static String body(int seq, String padding, int size) {
        String head = "{\"l\":0,\"seq\":" + seq + ",\"t\":" + System.nanoTime() + ",\"p\":\"";
        int pad = Math.max(0, size - head.length() - 2);
        return head + padding.substring(0, Math.min(pad, padding.length())) + "\"}";
    }
}
