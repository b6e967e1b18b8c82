package io.camelprogress.transport;

import java.util.concurrent.CompletionStage;

/** Where messages from browsers go: the {@code from("progress:<channel>")} routes. */
public interface UpstreamSink {

    /** Whether a route consumes messages of this channel. */
    boolean hasConsumer(String channel);

    /** Hands a message to the channel's route; completes with the route's answer. Never blocks. */
    CompletionStage<UpstreamReply> deliver(String channel, UpstreamMessage message);

    /** Whether a route wants the subscribes and unsubscribes of this channel. */
    boolean hasLifecycleConsumer(String channel);

    /** Tells the channel's lifecycle route, if any, that a connection subscribed or left. Never blocks. */
    void lifecycle(String channel, UpstreamMessage event);
}
