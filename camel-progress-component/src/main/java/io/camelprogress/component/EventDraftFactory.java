package io.camelprogress.component;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelprogress.event.EventDraft;
import io.camelprogress.event.SseEncoder;
import io.camelprogress.event.StreamNames;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/** Builds the event of an exchange, checking every value a client will see. */
final class EventDraftFactory {

    private final ObjectMapper mapper;
    private final int maxEventSize;

    EventDraftFactory(ObjectMapper mapper, int maxEventSize) {
        this.mapper = mapper;
        this.maxEventSize = maxEventSize;
    }

    /** The stream, event name and end-of-stream flag of an exchange, checked. */
    record Head(String stream, String name, boolean terminal) {
    }

    Head head(Exchange exchange, ProgressEndpoint endpoint) {
        Message in = exchange.getMessage();
        String stream = streamOf(in, endpoint);
        String name = in.getHeader(ProgressConstants.EVENT, endpoint.getEventName(), String.class);
        requireEventName(name);
        Boolean terminalHeader = in.getHeader(ProgressConstants.TERMINAL, Boolean.class);
        boolean terminal = terminalHeader != null ? terminalHeader : endpoint.terminalEventNames().contains(name);
        return new Head(stream, name, terminal);
    }

    EventDraft create(Exchange exchange, ProgressEndpoint endpoint) throws Exception {
        Head head = head(exchange, endpoint);
        if (endpoint.getPayload() == PayloadMode.progress) {
            return progressDraft(head, reading(exchange, head.stream()));
        }
        Message in = exchange.getMessage();
        String data;
        boolean json;
        Object body = in.getBody();
        if (body == null) {
            data = "";
            json = false;
        } else if (body instanceof CharSequence) {
            data = body.toString();
            json = false;
        } else if (body instanceof byte[] bytes) {
            data = new String(bytes, StandardCharsets.UTF_8);
            json = false;
        } else if (isRawContent(body)) {
            // bytes from HTTP, files and streams are content, not objects to serialize
            data = in.getMandatoryBody(String.class);
            json = false;
        } else {
            data = toJson(exchange, body);
            json = true;
        }
        return checked(new EventDraft(head.stream(), head.name(), data, json, head.terminal()));
    }

    /** The event of a progress reading. */
    EventDraft progressDraft(Head head, ProgressReading reading) {
        String data;
        try {
            data = mapper.writeValueAsString(progressDocument(reading));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the progress document of stream " + head.stream(), e);
        }
        return checked(new EventDraft(head.stream(), head.name(), data, true, head.terminal()));
    }

    private EventDraft checked(EventDraft draft) {
        if (draft.maxUtf8Size() > maxEventSize) {
            int bytes = draft.data().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxEventSize) {
                throw new IllegalArgumentException("Event for stream '" + draft.stream() + "' has " + bytes
                                                   + " bytes of data, more than maxEventSize=" + maxEventSize);
            }
        }
        return draft;
    }

    private static boolean isRawContent(Object body) {
        return body instanceof InputStream || body instanceof Reader || body instanceof StreamCache
               || body instanceof ByteBuffer || body instanceof WrappedFile || body instanceof Buffer;
    }

    private static String streamOf(Message in, ProgressEndpoint endpoint) {
        String id = in.getHeader(ProgressConstants.STREAM_ID, endpoint.getStreamId(), String.class);
        String stream = id == null || id.isEmpty() ? endpoint.getChannel() : endpoint.getChannel() + '/' + id;
        return StreamNames.require(stream, "stream (from header " + ProgressConstants.STREAM_ID + ")");
    }

    static void requireEventName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Event name must not be empty");
        }
        SseEncoder.requireSingleLine(name, "event name");
    }

    private String toJson(Exchange exchange, Object body) throws InvalidPayloadException {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException(exchange, String.class, exchange.getMessage(), e);
        }
    }

    /** What a {@code payload=progress} exchange says: headers first, else the splitter's index and size. */
    ProgressReading reading(Exchange exchange, String stream) {
        Message in = exchange.getMessage();
        Long current = in.getHeader(ProgressConstants.CURRENT, Long.class);
        Long total = in.getHeader(ProgressConstants.TOTAL, Long.class);
        if (current == null) {
            Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
            if (index != null) {
                current = index + 1L;
                if (total == null) {
                    // a streaming splitter knows its size at the last item only
                    Integer size = exchange.getProperty(Exchange.SPLIT_SIZE, Integer.class);
                    total = size == null ? null : size.longValue();
                }
            }
        }
        Double percent = in.getHeader(ProgressConstants.PERCENT, Double.class);
        if (percent == null && current != null && total != null && total > 0) {
            percent = current * 100.0 / total;
        }
        if (percent != null) {
            double clamped = Math.max(0, Math.min(100, percent));
            // 100 means done: 99.96 of a job is shown as 99.9, so the last item is the one that says 100
            percent = clamped < 100 ? Math.min(99.9, Math.round(clamped * 10) / 10.0) : 100.0;
        }
        String message = in.getHeader(ProgressConstants.MESSAGE, String.class);
        if (message == null && in.getBody() instanceof CharSequence text) {
            message = text.toString();
        }
        return new ProgressReading(stream, in.getHeader(ProgressConstants.STAGE, String.class), percent, current, total, message);
    }

    private ObjectNode progressDocument(ProgressReading reading) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("stream", reading.stream());
        if (reading.stage() != null) {
            doc.put("stage", reading.stage());
        }
        Double percent = reading.percent();
        if (percent != null) {
            if (percent == Math.rint(percent)) {
                doc.put("percent", percent.longValue());
            } else {
                doc.put("percent", percent);
            }
        }
        if (reading.current() != null) {
            doc.put("current", reading.current());
        }
        if (reading.total() != null) {
            doc.put("total", reading.total());
        }
        if (reading.message() != null) {
            doc.put("message", reading.message());
        }
        return doc;
    }

    /** Splits a comma-separated list (event names, origins). */
    static Set<String> parseList(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
