package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;

/**
 * Nchan's long-poll on one keep-alive connection: a plain GET answered by the next message, its
 * place in the channel given by {@code Last-Modified} and {@code Etag}, which the next poll sends
 * back as {@code If-Modified-Since} and {@code If-None-Match}. With
 * {@code nchan_longpoll_multipart_response raw} one answer carries every waiting message, separated
 * by a newline (the benchmark's messages contain none). Established once the first poll is sent.
 */
final class NchanLongPollSession implements SubscriberSession, HttpResponseDecoder.Listener {

    private final Events events;
    private final SubscribeTarget target;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(this);
    private final PollBody body = new PollBody();
    private String lastModified;
    private String etag;
    private String nextLastModified;
    private String nextEtag;
    private int status;

    NchanLongPollSession(Events events, SubscribeTarget target) {
        this.events = events;
        this.target = target;
    }

    @Override
    public byte[] openingRequest() {
        return poll();
    }

    @Override
    public void connected() {
        events.opened();
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        decoder.feed(bytes, offset, length);
    }

    @Override
    public String lastEventId() {
        return null;
    }

    @Override
    public void onHeader(String name, String value) {
        if (name.equalsIgnoreCase("last-modified")) {
            nextLastModified = value;
        } else if (name.equalsIgnoreCase("etag")) {
            nextEtag = value;
        }
    }

    @Override
    public void onHead(int code) {
        status = code;
        body.clear();
        // 304 and 408 are Nchan's "nothing yet": poll again from the same place
        if (code != 200 && code != 304 && code != 408) {
            events.failed("HTTP " + code);
        }
    }

    @Override
    public void onBody(byte[] bytes, int offset, int length) {
        body.append(bytes, offset, length);
    }

    @Override
    public void onEnd() {
        if (status == 200) {
            if (body.overflowed()) {
                events.failed("long-poll answer larger than " + PollBody.MAX_BODY + " bytes");
                return;
            }
            deliverLines(body.bytes(), body.length());
            lastModified = nextLastModified;
            etag = nextEtag;
        } else if (status != 304 && status != 408) {
            return;
        }
        events.write(poll());
    }

    @Override
    public void onMalformed(String reason) {
        events.failed("malformed response: " + reason);
    }

    private void deliverLines(byte[] bytes, int length) {
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    events.event(bytes, start, end - start);
                }
                start = i + 1;
            }
        }
    }

    private byte[] poll() {
        StringBuilder head = new StringBuilder(200).append("GET ").append(target.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.host()).append(':').append(target.port()).append("\r\n")
                .append("Accept: application/json\r\n");
        if (lastModified != null) {
            head.append("If-Modified-Since: ").append(lastModified).append("\r\n");
        }
        if (etag != null) {
            head.append("If-None-Match: ").append(etag).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
