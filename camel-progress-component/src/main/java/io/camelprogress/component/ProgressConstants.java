package io.camelprogress.component;

import org.apache.camel.spi.Metadata;

/** Headers of the {@code progress:} component. */
public final class ProgressConstants {

    @Metadata(label = "producer", description = "The sub-stream of the channel the event goes to, for example a job id;"
                                                + " the stream is then CHANNEL/STREAMID. Segments of letters, digits, dots, underscores, tildes and hyphens, joined by slashes.",
              javaType = "String")
    public static final String STREAM_ID = "CamelProgressStreamId";

    @Metadata(label = "producer", description = "The event name; overrides the endpoint's eventName. Must not contain CR, LF or NUL.",
              javaType = "String")
    public static final String EVENT = "CamelProgressEvent";

    @Metadata(label = "producer", description = "When true the stream ends after this event; event names listed in"
                                                + " terminalEvents end it too.",
              javaType = "Boolean")
    public static final String TERMINAL = "CamelProgressTerminal";

    @Metadata(label = "producer", description = "With payload=progress: the stage of the work, for example scanning.",
              javaType = "String")
    public static final String STAGE = "CamelProgressStage";

    @Metadata(label = "producer", description = "With payload=progress: the percentage done (0 to 100).",
              javaType = "Number")
    public static final String PERCENT = "CamelProgressPercent";

    @Metadata(label = "producer", description = "With payload=progress: how many items are done; with CamelProgressTotal"
                                                + " it gives the percentage.",
              javaType = "Long")
    public static final String CURRENT = "CamelProgressCurrent";

    @Metadata(label = "producer", description = "With payload=progress: how many items there are in all.",
              javaType = "Long")
    public static final String TOTAL = "CamelProgressTotal";

    @Metadata(label = "producer", description = "With payload=progress: a message for people; defaults to a String body.",
              javaType = "String")
    public static final String MESSAGE = "CamelProgressMessage";

    @Metadata(label = "producer", description = "Out: the id the event got, set once the backplane accepted it.",
              javaType = "String")
    public static final String EVENT_ID = "CamelProgressEventId";

    @Metadata(label = "producer", description = "Out, with ticketSecret set: a ticket for the exchange's stream, with the lifetime"
                                                + " ticketTtl, for the route to hand to the page that watches it (as in {jobId, ticket}).",
              javaType = "String", secret = true)
    public static final String TICKET = "CamelProgressTicket";

    @Metadata(label = "producer", description = "In: send the event to this one connection only (not into the stream's log);"
                                                + " consumer: the key of the connection a message came from.",
              javaType = "String")
    public static final String CONNECTION_KEY = "CamelProgressConnectionKey";

    @Metadata(label = "consumer", description = "The full stream name the message is about, as in uploads/job42.", javaType = "String")
    public static final String STREAM = "CamelProgressStream";

    @Metadata(label = "consumer", description = "How the message came: websocket, sse or http (a POST).", javaType = "String")
    public static final String TRANSPORT = "CamelProgressTransport";

    @Metadata(label = "consumer", description = "The IP address of the client.", javaType = "String")
    public static final String CLIENT_ADDRESS = "CamelProgressClientAddress";

    @Metadata(label = "consumer", description = "With lifecycle=true: subscribe or unsubscribe.", javaType = "String")
    public static final String LIFECYCLE = "CamelProgressLifecycle";

    private ProgressConstants() {
    }
}
