package io.camelprogress.component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.camelprogress.transport.UpstreamMessage;
import io.camelprogress.transport.UpstreamReply;
import io.camelprogress.transport.UpstreamSink;

/** Finds the consumer route of a channel for messages from browsers: one for messages, one for lifecycle. */
final class UpstreamRouter implements UpstreamSink {

    private final Map<String, ProgressConsumer> messages = new ConcurrentHashMap<>();
    private final Map<String, ProgressConsumer> lifecycles = new ConcurrentHashMap<>();

    void register(String channel, ProgressConsumer consumer, boolean lifecycle) {
        ProgressConsumer existing = (lifecycle ? lifecycles : messages).putIfAbsent(channel, consumer);
        if (existing != null && existing != consumer) {
            throw new IllegalStateException("Channel '" + channel + "' already has a " + (lifecycle ? "lifecycle " : "")
                                            + "consumer route: " + existing.getEndpoint().getEndpointUri());
        }
    }

    void unregister(String channel, ProgressConsumer consumer, boolean lifecycle) {
        (lifecycle ? lifecycles : messages).remove(channel, consumer);
    }

    @Override
    public boolean hasConsumer(String channel) {
        return messages.containsKey(channel);
    }

    @Override
    public boolean hasLifecycleConsumer(String channel) {
        return lifecycles.containsKey(channel);
    }

    @Override
    public CompletionStage<UpstreamReply> deliver(String channel, UpstreamMessage message) {
        ProgressConsumer consumer = messages.get(channel);
        if (consumer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No route consumes channel " + channel));
        }
        return consumer.deliver(message);
    }

    @Override
    public void lifecycle(String channel, UpstreamMessage event) {
        ProgressConsumer consumer = lifecycles.get(channel);
        if (consumer != null) {
            consumer.deliver(event);
        }
    }
}
