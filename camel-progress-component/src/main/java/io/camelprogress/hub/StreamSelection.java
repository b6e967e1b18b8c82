package io.camelprogress.hub;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import io.camelprogress.event.StreamNames;

/**
 * The streams one connection watches: named streams, and whole channels ({@code uploads/*}) that
 * take in every stream of the channel, including streams that appear later.
 */
public final class StreamSelection {

    private final Set<String> streams;
    private final Set<String> channels;

    private StreamSelection(Set<String> streams, Set<String> channels) {
        this.streams = Collections.unmodifiableSet(streams);
        this.channels = Collections.unmodifiableSet(channels);
    }

    /** A selection of one stream. */
    public static StreamSelection of(String stream) {
        return parse(Set.of(stream));
    }

    /**
     * Parses names as a request gives them: {@code uploads/job42} or {@code uploads/*}.
     *
     * @throws IllegalArgumentException with a one-line reason when a name breaks the stream-name rule
     */
    public static StreamSelection parse(Iterable<String> names) {
        Set<String> streams = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        for (String name : names) {
            String channel = StreamNames.channelPattern(name);
            if (channel != null) {
                channels.add(channel);
            } else {
                streams.add(StreamNames.require(name, "stream"));
            }
        }
        if (streams.isEmpty() && channels.isEmpty()) {
            throw new IllegalArgumentException("No stream named: use /<channel>/<stream> or ?stream=<name>");
        }
        return new StreamSelection(streams, channels);
    }

    /** Named streams. */
    public Set<String> streams() {
        return streams;
    }

    /** Whole channels. */
    public Set<String> channels() {
        return channels;
    }

    /** Whether the selection ends once its streams complete: it names streams and no whole channel. */
    public boolean finite() {
        return channels.isEmpty();
    }

    /** Whether a stream is one this selection watches: named, or of a whole channel it watches. */
    public boolean matches(String stream) {
        return streams.contains(stream) || !channels.isEmpty() && channels.contains(StreamNames.channelOf(stream));
    }

    /** Whether this is a selection of exactly one named stream. */
    public boolean single() {
        return streams.size() == 1 && channels.isEmpty();
    }

    @Override
    public String toString() {
        Set<String> all = new LinkedHashSet<>(streams);
        channels.forEach(c -> all.add(c + "/*"));
        return String.join(",", all);
    }
}
