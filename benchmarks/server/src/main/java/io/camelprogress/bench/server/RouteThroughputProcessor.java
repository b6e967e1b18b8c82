package io.camelprogress.bench.server;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Sends {@code count} exchanges into a progress endpoint with a ProducerTemplate and answers
 * {@code {"count":N,"nanos":T}}. Bodies have the load generator's payload shape (lane 0, sequence
 * 0 to N - 1) so subscribers can check for loss.
 */
public final class RouteThroughputProcessor implements Processor {

    /** Upper bound on one request, so a typo cannot run for hours. */
    static final int MAX_COUNT = 10_000_000;

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
            long start = System.nanoTime();
            for (int seq = 0; seq < count; seq++) {
                template.sendBody(endpointUri, body(seq, padding, payloadSize));
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
