package io.camelprogress.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.camelprogress.event.StreamNames;
import io.camelprogress.transport.UpstreamMessage;
import io.camelprogress.transport.UpstreamReply;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Turns messages from browsers into exchanges of a {@code from("progress:<channel>")} route: each
 * WebSocket text frame and each POST to a stream of the channel, or with {@code lifecycle=true}
 * each subscribe and unsubscribe of a connection. Routes run on a worker pool, never on an event loop.
 */
public class ProgressConsumer extends DefaultConsumer {

    private final ProgressEndpoint endpoint;
    private ProgressRuntime runtime;
    private ExecutorService workers;

    public ProgressConsumer(ProgressEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newDefaultThreadPool(this, "ProgressConsumer[" + endpoint.getChannel() + "]");
        runtime = endpoint.runtime();
        runtime.upstream().register(endpoint.getChannel(), this, endpoint.isLifecycle());
        runtime.serveWhenReady();
    }

    @Override
    protected void doStop() throws Exception {
        runtime.upstream().unregister(endpoint.getChannel(), this, endpoint.isLifecycle());
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(workers);
            workers = null;
        }
        super.doStop();
    }

    /** Routes a message; completes with the answer for a POST (202 unless the route says otherwise). */
    CompletableFuture<UpstreamReply> deliver(UpstreamMessage message) {
        CompletableFuture<UpstreamReply> reply = new CompletableFuture<>();
        Exchange exchange = createExchange(false);
        Message in = exchange.getMessage();
        String body = message.body();
        in.setBody(body);
        in.setHeader(ProgressConstants.STREAM, message.stream());
        String channel = StreamNames.channelOf(message.stream());
        if (message.stream().length() > channel.length()) {
            in.setHeader(ProgressConstants.STREAM_ID, message.stream().substring(channel.length() + 1));
        }
        in.setHeader(ProgressConstants.CONNECTION_KEY, message.connectionKey());
        in.setHeader(ProgressConstants.TRANSPORT, message.transport());
        in.setHeader(ProgressConstants.CLIENT_ADDRESS, message.clientAddress());
        if (message.contentType() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, message.contentType());
        }
        if (message.lifecycle() != null) {
            in.setHeader(ProgressConstants.LIFECYCLE, message.lifecycle());
        }
        try {
            workers.execute(() -> getAsyncProcessor().process(exchange, doneSync -> {
                try {
                    reply.complete(replyOf(exchange, body));
                } finally {
                    releaseExchange(exchange, false);
                }
            }));
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    private static UpstreamReply replyOf(Exchange exchange, Object requestBody) {
        if (exchange.getException() != null) {
            return new UpstreamReply(500, "The route failed: " + exchange.getException().getMessage(), "text/plain; charset=utf-8");
        }
        Message out = exchange.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 202, Integer.class);
        Object body = out.getBody();
        if (body == null || body == requestBody) {
            return new UpstreamReply(status, null, null);
        }
        return new UpstreamReply(status, out.getBody(String.class), out.getHeader(Exchange.CONTENT_TYPE, String.class));
    }
}
