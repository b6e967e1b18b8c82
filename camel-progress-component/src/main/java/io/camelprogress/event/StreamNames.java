package io.camelprogress.event;

/**
 * The rule for stream and channel names: segments of {@code [A-Za-z0-9._~-]} joined by {@code /},
 * at most 200 characters. Names whose first segment starts with {@code _} are reserved for the
 * server (for example {@code /progress/_client.js}).
 */
public final class StreamNames {

    /** Longest accepted stream name. */
    public static final int MAX_LENGTH = 200;

    private StreamNames() {
    }

    /**
     * Checks a stream or channel name.
     *
     * @return {@code null} when the name is valid, else a one-line reason naming the problem
     */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "stream name is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "stream name is longer than " + MAX_LENGTH + " characters";
        }
        if (name.charAt(0) == '_') {
            return "stream names starting with '_' are reserved";
        }
        int segmentStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : '/';
            if (c == '/') {
                if (i == segmentStart) {
                    return "stream name has an empty segment";
                }
                String segment = name.substring(segmentStart, i);
                if (segment.equals(".") || segment.equals("..")) {
                    return "stream name has a '" + segment + "' segment";
                }
                segmentStart = i + 1;
            } else if (!isNameChar(c)) {
                return "stream name has a character outside [A-Za-z0-9._~-/]: " + describe(c);
            }
        }
        return null;
    }

    /** Like {@link #problem(String)}, but throws {@link IllegalArgumentException} with the reason. */
    public static String require(String name, String what) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid " + what + " '" + printable(name) + "': " + problem);
        }
        return name;
    }

    /**
     * The channel a whole-channel pattern names: {@code uploads} for {@code uploads/*}.
     *
     * @return the channel, or null when the name is no such pattern
     * @throws IllegalArgumentException with a one-line reason when it is a pattern of a bad channel
     */
    public static String channelPattern(String name) {
        if (name == null || !name.endsWith("/*")) {
            return null;
        }
        String channel = name.substring(0, name.length() - 2);
        require(channel, "channel");
        if (channel.indexOf('/') >= 0) {
            throw new IllegalArgumentException("Invalid stream '" + printable(name) + "': '*' selects a whole channel, as in 'uploads/*'");
        }
        return channel;
    }

    /** The channel of a stream: its first segment. */
    public static String channelOf(String stream) {
        int slash = stream.indexOf('/');
        return slash < 0 ? stream : stream.substring(0, slash);
    }

    static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '~' || c == '-';
    }

    /** Makes control characters visible so that an error message stays on one line. */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 20));
        for (int i = 0; i < text.length() && sb.length() < MAX_LENGTH + 16; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (sb.length() >= MAX_LENGTH + 16) {
            sb.append("...");
        }
        return sb.toString();
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
