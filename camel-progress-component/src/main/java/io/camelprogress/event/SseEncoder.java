package io.camelprogress.event;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * Encodes Server-Sent Events as the WHATWG HTML standard reads them: UTF-8 without a BOM, one field
 * a line, LF line ends, a blank line after each event. A value never holds a raw CR or LF: data with
 * line breaks (LF, CR or CRLF) becomes one {@code data:} line per line, which the browser joins back
 * with LF.
 * <p>
 * Encoded events are direct buffers that no write releases: each is written as is to every subscriber.
 */
public final class SseEncoder {

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETRY = "retry: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ": hb\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private SseEncoder() {
    }

    /**
     * Encodes one event.
     *
     * @param id   the {@code id:} field, or {@code null} for none
     * @param name the {@code event:} field, or {@code null} for none (the browser then says "message")
     * @param data the data; may be empty, may hold line breaks
     */
    public static Buffer event(String id, String name, String data) {
        requireSingleLine(id, "id");
        requireSingleLine(name, "event name");
        byte[] dataBytes = data.getBytes(StandardCharsets.UTF_8);
        byte[] idBytes = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
        byte[] nameBytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        int size = dataBytes.length + 8 + (DATA.length + 2) * (1 + countLineBreaks(dataBytes));
        if (idBytes != null) {
            size += ID.length + idBytes.length + 1;
        }
        if (nameBytes != null) {
            size += EVENT.length + nameBytes.length + 1;
        }
        ByteBuf out = SharedBytes.allocate(size);
        if (idBytes != null) {
            out.writeBytes(ID).writeBytes(idBytes).writeByte(LF);
        }
        if (nameBytes != null) {
            out.writeBytes(EVENT).writeBytes(nameBytes).writeByte(LF);
        }
        writeData(out, dataBytes);
        out.writeByte(LF);
        return shared(out);
    }

    /** A heartbeat: the comment {@code : hb} that keeps proxies from closing an idle stream. */
    public static Buffer heartbeat() {
        return shared(SharedBytes.allocate(HEARTBEAT.length).writeBytes(HEARTBEAT));
    }

    /** The reconnection delay the browser waits before it reconnects; written once, to one connection, so on the heap. */
    public static Buffer retry(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("retry must not be negative: " + millis);
        }
        byte[] digits = Long.toString(millis).getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = Unpooled.buffer(RETRY.length + digits.length + 2);
        out.writeBytes(RETRY).writeBytes(digits).writeByte(LF).writeByte(LF);
        return shared(out);
    }

    /**
     * The {@code reset} event: the client's resume point is older than what is retained, or from
     * another epoch. It has no id, so the client's last id stays where it was.
     */
    public static Buffer reset(Collection<String> streams, String reason) {
        return event(null, "reset", resetJson(streams, reason));
    }

    /** The data of a {@code reset} event: {@code {"streams":[...],"reason":"..."}}. */
    public static String resetJson(Collection<String> streams, String reason) {
        StringBuilder sb = new StringBuilder(32 + streams.size() * 24).append("{\"streams\":[");
        boolean first = true;
        for (String stream : streams) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            // stream names are restricted to [A-Za-z0-9._~/-]: nothing in them needs escaping
            sb.append('"').append(stream).append('"');
        }
        return sb.append("],\"reason\":\"").append(reason).append("\"}").toString();
    }

    /** The same bytes framed as one HTTP/1.1 chunk, shared like the event itself. */
    public static ByteBuf chunk(ByteBuf encoded) {
        return HttpChunks.shared(encoded);
    }

    private static void writeData(ByteBuf out, byte[] data) {
        int lineStart = 0;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == CR || b == LF) {
                writeDataLine(out, data, lineStart, i);
                if (b == CR && i + 1 < data.length && data[i + 1] == LF) {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        writeDataLine(out, data, lineStart, data.length);
    }

    private static void writeDataLine(ByteBuf out, byte[] data, int from, int to) {
        out.writeBytes(DATA);
        if (to > from) {
            // one space is stripped by the reader, so a value's own leading space survives
            out.writeByte(' ').writeBytes(data, from, to - from);
        }
        out.writeByte(LF);
    }

    private static int countLineBreaks(byte[] data) {
        int n = 0;
        for (byte b : data) {
            if (b == CR || b == LF) {
                n++;
            }
        }
        return n;
    }

    /**
     * The one place of the SSE field rule: an id or event name must not hold CR, LF or NUL, which
     * would end or corrupt its line.
     *
     * @param what what the value is, for the message, as in {@code "event name"}
     * @throws IllegalArgumentException naming the value, printably
     */
    public static void requireSingleLine(String value, String what) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(
                        "SSE " + what + " must not contain CR, LF or NUL: '" + StreamNames.printable(value) + "'");
            }
        }
    }

    /**
     * Shared by every write of the event, so never released by one of them. Not wrapped read-only:
     * Netty's native transport writes a direct buffer with a memory address as is, but copies a
     * read-only wrapper into a fresh direct buffer on every write.
     */
    private static Buffer shared(ByteBuf buf) {
        return Buffer.buffer(SharedBytes.share(buf));
    }
}
