package io.camelprogress.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.camelprogress.event.StreamNames;

/**
 * What a ticket lets its bearer read and send to: streams by name ({@code uploads/job42}) and whole
 * channels ({@code uploads/*}, every stream of the channel, as a subscription to {@code uploads/*}
 * sees them).
 */
public final class TicketScope {

    private final Set<String> streams;
    private final Set<String> channels;

    private TicketScope(Set<String> streams, Set<String> channels) {
        this.streams = Set.copyOf(streams);
        this.channels = Set.copyOf(channels);
    }

    /**
     * A scope of stream names and channel patterns.
     *
     * @throws IllegalArgumentException when an entry is neither a valid stream name nor {@code <channel>/*}
     */
    public static TicketScope of(Collection<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("A ticket needs at least one stream or channel pattern");
        }
        Set<String> streams = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        for (String entry : entries) {
            String channel = StreamNames.channelPattern(entry);
            if (channel != null) {
                channels.add(channel);
            } else {
                streams.add(StreamNames.require(entry, "stream"));
            }
        }
        return new TicketScope(streams, channels);
    }

    /** Whether the scope takes in this stream. */
    public boolean coversStream(String stream) {
        return streams.contains(stream) || channels.contains(StreamNames.channelOf(stream));
    }

    /** Whether the scope takes in every stream of this channel, including streams yet to come. */
    public boolean coversChannel(String channel) {
        return channels.contains(channel);
    }

    /** Whether the scope takes in every named stream and every whole channel. */
    public boolean covers(Collection<String> namedStreams, Collection<String> wholeChannels) {
        return namedStreams.stream().allMatch(this::coversStream) && wholeChannels.stream().allMatch(this::coversChannel);
    }

    /** The entries, streams first, channels as {@code <channel>/*}. */
    public List<String> entries() {
        List<String> all = new ArrayList<>(streams);
        channels.forEach(c -> all.add(c + "/*"));
        return all;
    }

    @Override
    public String toString() {
        return String.join(",", entries());
    }
}
