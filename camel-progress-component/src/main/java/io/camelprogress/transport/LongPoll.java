package io.camelprogress.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelprogress.event.EventId;
import io.camelprogress.event.ResetNotice;
import io.camelprogress.event.StreamItem;
import io.camelprogress.hub.StreamSelection;
import io.camelprogress.hub.SubscribeOutcome;
import io.camelprogress.hub.Subscription;
import io.camelprogress.hub.SubscriptionSink;

/**
 * One long-poll: answers with the events after the client's id as soon as there are any, or with an
 * empty list when the timeout passes; 204 when the streams ended at or before the id. The answer is
 * {@code {"events":[...],"lastEventId":"..."}}; the client polls again after {@code lastEventId}.
 */
final class LongPoll implements SubscriptionSink {

    /** Events in one answer at most; the client takes the rest with its next poll. */
    static final int MAX_EVENTS = 1000;

    private final HttpContext http;
    private final HostRequest request;
    private final String address;
    private final EventId after;
    private Subscription subscription;
    private long timer = -1;
    private boolean answered;

    LongPoll(HttpContext http, HostRequest request, String address, EventId after) {
        this.http = http;
        this.request = request;
        this.address = address;
        this.after = after;
    }

    /** Subscribes and holds the request; the caller has taken a place in the limiter for it. */
    void start(StreamSelection selection, long timeoutMillis) {
        // a poll's id is where the subscriber has read to, so what passed out of retention since is a lag
        SubscribeOutcome outcome = http.hub().subscribe(selection, after, this, ResetNotice.LAGGED);
        if (outcome.ended()) {
            answered = true;
            http.limiter().release(address);
            request.respond(204, Map.of(), new byte[0]);
            return;
        }
        subscription = outcome.subscription();
        http.metrics().opened("long-poll");
        request.onClientGone(this::answer);
        timer = request.loop().after(timeoutMillis, this::answer);
        answer(false);
    }

    @Override
    public String transport() {
        return "long-poll";
    }

    @Override
    public void wakeup() {
        request.loop().execute(() -> answer(false));
    }

    @Override
    public void overflowed() {
        request.loop().execute(this::answer);
    }

    @Override
    public void disconnect() {
        request.loop().execute(this::answer);
    }

    private void answer() {
        answer(true);
    }

    /** Answers with what is queued; unless {@code evenIfEmpty}, only when something is. */
    private void answer(boolean evenIfEmpty) {
        if (answered) {
            return;
        }
        List<StreamItem> items = new ArrayList<>();
        subscription.drainTo(items, MAX_EVENTS);
        if (items.isEmpty() && !evenIfEmpty) {
            return;
        }
        answered = true;
        request.loop().cancel(timer);
        http.metrics().closed("long-poll");
        http.metrics().delivered("long-poll", items, true);
        http.hub().unsubscribe(subscription);
        http.limiter().release(address);
        String last = after == null ? null : after.toString();
        StringBuilder body = new StringBuilder(64 + items.size() * 128).append("{\"events\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(items.get(i).jsonFrame());
            last = items.get(i).resumeId().toString();
        }
        body.append("],\"lastEventId\":").append(last == null ? "null" : '"' + last + '"').append('}');
        if (!request.finished()) {
            request.respond(200, ProgressRequests.JSON_HEADERS, body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
