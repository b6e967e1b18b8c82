package io.camelprogress.hub;

/**
 * What a subscribe request came to: a live {@link Subscription}, or nothing to send because every
 * named stream already ended at or before the client's cursor (SSE answers 204 then).
 *
 * @param subscription the subscription, or {@code null} when {@code ended}
 * @param ended        whether there is nothing more for this client
 */
public record SubscribeOutcome(Subscription subscription, boolean ended) {
}
