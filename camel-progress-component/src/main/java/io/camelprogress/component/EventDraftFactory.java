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

    EventDraft create(Exchange exchange, ProgressEndpoint endpoint) throws Exception {
        Message in = exchange.getMessage();
        String stream = streamOf(in, endpoint);
        String name = in.getHeader(ProgressConstants.EVENT, endpoint.getEventName(), String.class);
        requireEventName(name);
        Boolean terminalHeader = in.getHeader(ProgressConstants.TERMINAL, Boolean.class);
        boolean terminal = terminalHeader != null ? terminalHeader : endpoint.terminalEventNames().contains(name);

        String data;
        boolean json;
        if (endpoint.getPayload() == PayloadMode.progress) {
            data = mapper.writeValueAsString(progressDocument(exchange, stream));
            json = true;
        } else {
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
        }
        EventDraft draft = new EventDraft(stream, name, data, json, terminal);
        if (draft.maxUtf8Size() > maxEventSize) {
            int bytes = data.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxEventSize) {
                throw new IllegalArgumentException("Event for stream '" + stream + "' has " + bytes
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

    private ObjectNode progressDocument(Exchange exchange, String stream) {
        Message in = exchange.getMessage();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("stream", stream);
        String stage = in.getHeader(ProgressConstants.STAGE, String.class);
        if (stage != null) {
            doc.put("stage", stage);
        }
        Long current = in.getHeader(ProgressConstants.CURRENT, Long.class);
        Long total = in.getHeader(ProgressConstants.TOTAL, Long.class);
        if (current == null && total == null) {
            Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
            Integer size = exchange.getProperty(Exchange.SPLIT_SIZE, Integer.class);
            if (index != null) {
                current = index + 1L;
                total = size == null ? null : size.longValue();
            }
        }
        Double percent = in.getHeader(ProgressConstants.PERCENT, Double.class);
        if (percent == null && current != null && total != null && total > 0) {
            percent = current * 100.0 / total;
        }
        if (percent != null) {
            double clamped = Math.max(0, Math.min(100, percent));
            double rounded = Math.round(clamped * 10) / 10.0;
            if (rounded == Math.rint(rounded)) {
                doc.put("percent", (long) rounded);
            } else {
                doc.put("percent", rounded);
            }
        }
        if (current != null) {
            doc.put("current", current);
        }
        if (total != null) {
            doc.put("total", total);
        }
        String message = in.getHeader(ProgressConstants.MESSAGE, String.class);
        if (message == null && in.getBody() instanceof CharSequence text) {
            message = text.toString();
        }
        if (message != null) {
            doc.put("message", message);
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
