package io.camelprogress.bench;

import java.nio.charset.StandardCharsets;

/**
 * Nchan's long-poll: a plain GET answered by the next message, its place in the channel given by
 * {@code Last-Modified} and {@code Etag}, which the next poll sends back as {@code If-Modified-Since}
 * and {@code If-None-Match}. With {@code nchan_longpoll_multipart_response raw} one answer carries
 * every waiting message, each followed by a newline (the benchmark's messages contain none).
 */
final class NchanLongPollSession extends PollSession {

    private String lastModified;
    private String etag;
    private String nextLastModified;
    private String nextEtag;

    NchanLongPollSession(Events events, SubscribeTarget target) {
        super(events, target);
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

    /** 304 and 408 are Nchan's "nothing yet": poll again from the same place. */
    @Override
    protected boolean pollsAgainAfter(int status) {
        return status == 304 || status == 408;
    }

    @Override
    protected boolean deliver(byte[] bytes, int length) {
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
        lastModified = nextLastModified;
        etag = nextEtag;
        return true;
    }

    @Override
    protected byte[] poll() {
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
