package io.camelprogress.transport;

import java.util.ArrayList;
import java.util.List;

import io.camelprogress.event.EventDraft;
import io.camelprogress.event.EventId;
import io.camelprogress.event.StreamItem;
import io.camelprogress.event.StreamNames;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.SubscribeOutcome;
import io.camelprogress.hub.Subscription;
import io.camelprogress.hub.SubscriptionSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming connection (SSE or WebSocket) of one subscriber: drains its subscription in batches
 * while the socket accepts more, ticks a timer for heartbeats, ends after the terminal events, and
 * gives back everything it held when it closes. All but {@link #wakeup()}, {@link #overflowed()}
 * and {@link #sendDirect(EventDraft)} runs on the connection's event loop.
 */
abstract class SubscriberConnection implements SubscriptionSink, DirectChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberConnection.class);
    /** Events written in one go: a whole default replay (1,000 events, ~100 KB) in one write. */
    private static final int MAX_BATCH = 1024;

    protected final HttpContext http;
    protected final ConnectionLoop loop;
    protected final String address;
    protected final StreamSelection selection;
    protected final String key;
    private final String transport;
    private final List<StreamItem> batch = new ArrayList<>();

    protected Subscription subscription;
    protected boolean wroteSinceTick;
    private volatile boolean backedUp;
    private long timer = -1;
    private int batches;
    private boolean closed;

    SubscriberConnection(HttpContext http, ConnectionLoop loop, String address, StreamSelection selection, String transport) {
        this.http = http;
        this.loop = loop;
        this.address = address;
        this.selection = selection;
        this.transport = transport;
        this.key = http.connections().newKey();
    }

    /**
     * Subscribes from the client's cursor.
     *
     * @return false when there is nothing to send: every named stream ended at or before the cursor
     */
    protected final boolean subscribe(EventId cursor) {
        SubscribeOutcome outcome = http.hub().subscribe(selection, cursor, this);
        if (outcome.ended()) {
            return false;
        }
        subscription = outcome.subscription();
        http.connections().add(key, this);
        http.metrics().opened(transport);
        ConnectionLog.debug(LOG, key, selection, "{} connection {} from {} subscribed to {}", transport, key, address, selection);
        if (http.upstream().hasLifecycleConsumer(channel())) {
            http.upstream().lifecycle(channel(), message(null, UpstreamMessage.SUBSCRIBE));
        }
        return true;
    }

    /** The channel whose routes hear from this connection: that of its first stream. */
    protected final String channel() {
        return StreamNames.channelOf(primaryStream());
    }

    /** The stream this connection's messages are about: the first it names, else its first whole channel. */
    protected final String primaryStream() {
        return selection.streams().isEmpty() ? selection.channels().iterator().next() : selection.streams().iterator().next();
    }

    protected final UpstreamMessage message(String body, String lifecycle) {
        return new UpstreamMessage(primaryStream(), key, transport, address, body, null, lifecycle);
    }

    protected final void startTimer(long periodMillis) {
        timer = loop.every(periodMillis, () -> {
            if (!closed) {
                tick();
            }
        });
    }

    @Override
    public final void wakeup() {
        loop.execute(this::drain);
    }

    @Override
    public final void overflowed() {
        loop.execute(() -> {
            ConnectionLog.debug(LOG, key, selection, "{} subscriber {} ({}) fell too far behind; closing so that it resumes by replay",
                    transport, address, selection);
            http.metrics().slowDisconnect();
            closeAbruptly(true);
            release();
        });
    }

    @Override
    public final void disconnect() {
        loop.execute(() -> {
            closeAbruptly(false);
            release();
        });
    }

    @Override
    public final String transport() {
        return transport;
    }

    @Override
    public final boolean backpressured() {
        return backedUp;
    }

    @Override
    public final void sendDirect(EventDraft draft) {
        loop.execute(() -> {
            if (!closed) {
                writeDirect(draft);
                wroteSinceTick = true;
            }
        });
    }

    protected final void drain() {
        while (!closed) {
            if (writeQueueFull()) {
                backedUp = true;
                whenWritable(() -> {
                    backedUp = false;
                    drain();
                });
                return;
            }
            batch.clear();
            if (subscription.drainTo(batch, MAX_BATCH) == 0) {
                return;
            }
            boolean finished = false;
            for (int i = 0; i < batch.size(); i++) {
                finished |= subscription.delivered(batch.get(i));
            }
            write(batch);
            http.metrics().delivered(transport, batch, batches++ % TransportMetrics.LATENCY_SAMPLE == 0);
            wroteSinceTick = true;
            if (finished) {
                finish();
                release();
                return;
            }
        }
    }

    protected final boolean closed() {
        return closed;
    }

    /** Gives back the connection's place, subscription, key and timer; safe to call twice. */
    protected final void release() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer >= 0) {
            loop.cancel(timer);
        }
        http.limiter().release(address);
        if (subscription != null) {
            http.metrics().closed(transport);
            ConnectionLog.debug(LOG, key, selection, "{} connection {} from {} closed", transport, key, address);
            http.connections().remove(key);
            http.hub().unsubscribe(subscription);
            if (http.upstream().hasLifecycleConsumer(channel())) {
                http.upstream().lifecycle(channel(), message(null, UpstreamMessage.UNSUBSCRIBE));
            }
        }
    }

    /** Whether the socket holds as much unwritten data as it should. */
    protected abstract boolean writeQueueFull();

    /** Runs the action once the socket has drained. */
    protected abstract void whenWritable(Runnable action);

    /** Writes items in order, as one write where the transport can. */
    protected abstract void write(List<StreamItem> items);

    /** Sends an event that is not in any stream's log. */
    protected abstract void writeDirect(EventDraft draft);

    /** Ends the connection after the terminal events, cleanly. */
    protected abstract void finish();

    /** Closes the connection at once, because the subscriber fell behind or because the server moves it away. */
    protected abstract void closeAbruptly(boolean fellBehind);

    /** The periodic timer fired: heartbeats, pings. */
    protected abstract void tick();
}
