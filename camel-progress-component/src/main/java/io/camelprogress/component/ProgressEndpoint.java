package io.camelprogress.component;

import java.util.Set;

import io.camelprogress.event.StreamNames;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Turns exchanges into sequenced, replayable events that browsers receive live over Server-Sent
 * Events, resuming without loss after a dropped connection.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "progress", title = "Progress", syntax = "progress:channel",
             category = { Category.HTTP, Category.NETWORKING }, headersClass = ProgressConstants.class)
public class ProgressEndpoint extends DefaultEndpoint {

    @UriPath(description = "The channel: the first segment of every stream this endpoint publishes to, as in /progress/CHANNEL/STREAMID."
                           + " Letters, digits, dots, underscores, tildes and hyphens only; names starting with an underscore are reserved.")
    @Metadata(required = true)
    private String channel;

    @UriParam(label = "producer", defaultValue = "progress", description = "The event name when the exchange has no CamelProgressEvent header.")
    private String eventName = "progress";

    @UriParam(label = "producer", defaultValue = "done,error", description = "Event names that end their stream (comma-separated).")
    private String terminalEvents = "done,error";

    @UriParam(label = "producer", defaultValue = "body", description = "The event data: body (a String as is, other bodies as JSON) or progress"
                                                   + " (a progress document built from the CamelProgressStage, Percent, Current, Total and Message headers and a splitter's index and size).")
    private PayloadMode payload = PayloadMode.body;

    @UriParam(label = "producer", defaultValue = "1",
              description = "With payload=progress: at most one event per stream each time the percent enters a new step of this size"
                            + " (1: one per whole percent, so about a hundred for a whole job); 0 sends every exchange."
                            + " The first event of a stream, a change of stage or event name, events without a percent and terminal events always go.")
    private double progressStep = 1;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
              description = "With payload=progress: at most one event per stream in this interval; the latest is held and sent when the interval ends."
                            + " The first event, stage changes and terminal events go at once. 0 for no interval.")
    private long progressInterval;

    @UriParam(label = "producer", description = "The sub-stream when the exchange has no CamelProgressStreamId header; without either, events go to the channel's own stream.")
    private String streamId;

    @UriParam(label = "consumer", defaultValue = "false", description = "Receive the subscribe and unsubscribe of each connection"
                                                                         + " to a stream of the channel (header CamelProgressLifecycle) instead of messages.")
    private boolean lifecycle;

    private Set<String> terminalEventNames = EventDraftFactory.parseList(terminalEvents);
    private ProgressSampler sampler;

    public ProgressEndpoint(String uri, ProgressComponent component, String channel) {
        super(uri, component);
        this.channel = channel;
    }

    @Override
    public ProgressComponent getComponent() {
        return (ProgressComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new ProgressProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ProgressConsumer consumer = new ProgressConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        StreamNames.require(channel, "channel");
        if (channel.indexOf('/') >= 0) {
            throw new IllegalArgumentException("Invalid channel '" + channel
                                               + "': a channel is one segment; put the rest in the CamelProgressStreamId header or the streamId option");
        }
        EventDraftFactory.requireEventName(eventName);
        if (streamId != null && !streamId.isEmpty()) {
            StreamNames.require(channel + '/' + streamId, "stream (from option streamId)");
        }
        ProgressSampler.requireValid(progressStep, progressInterval);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ProgressRuntime runtime = runtime();
        if (payload == PayloadMode.progress && ProgressSampler.thins(progressStep, progressInterval)) {
            sampler = new ProgressSampler(runtime.backplane()::publish, progressStep, progressInterval,
                    getComponent().getMaxStreams(), System::currentTimeMillis, runtime.scheduler());
        }
        runtime.serveWhenReady();
    }

    @Override
    protected void doStop() throws Exception {
        if (sampler != null) {
            // what is held for the end of its interval goes now
            sampler.flushAll();
            sampler = null;
        }
        super.doStop();
    }

    /** The sampler of this endpoint's events, or null when every event goes. */
    ProgressSampler sampler() {
        return sampler;
    }

    /**
     * What the component runs, started first if need be: a CamelContext starts its routes' endpoints
     * while it initializes, before it starts the components, and by then the options are bound.
     */
    ProgressRuntime runtime() {
        ServiceHelper.startService(getComponent());
        return getComponent().runtime();
    }

    public String getChannel() {
        return channel;
    }

    /** The channel: the first segment of every stream this endpoint publishes to. */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getEventName() {
        return eventName;
    }

    /** The event name when the exchange has no CamelProgressEvent header. */
    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    public String getTerminalEvents() {
        return terminalEvents;
    }

    /** Event names that end their stream (comma-separated). */
    public void setTerminalEvents(String terminalEvents) {
        this.terminalEvents = terminalEvents;
        this.terminalEventNames = EventDraftFactory.parseList(terminalEvents);
    }

    Set<String> terminalEventNames() {
        return terminalEventNames;
    }

    public PayloadMode getPayload() {
        return payload;
    }

    /**
     * The event data: body (a String as is, other bodies as JSON) or progress (a progress document
     * built from the CamelProgress* headers and a splitter's index and size).
     */
    public void setPayload(PayloadMode payload) {
        this.payload = payload;
    }

    public boolean isLifecycle() {
        return lifecycle;
    }

    /**
     * Receive the subscribe and unsubscribe of each connection to a stream of the channel (header
     * CamelProgressLifecycle) instead of messages; a route can count viewers or start work when the
     * first arrives.
     */
    public void setLifecycle(boolean lifecycle) {
        this.lifecycle = lifecycle;
    }

    public double getProgressStep() {
        return progressStep;
    }

    /**
     * With payload=progress: at most one event per stream each time the percent enters a new step of
     * this size; 0 sends every exchange.
     */
    public void setProgressStep(double progressStep) {
        this.progressStep = progressStep;
    }

    public long getProgressInterval() {
        return progressInterval;
    }

    /** With payload=progress: at most one event per stream in this interval (milliseconds); the latest is sent when it ends. */
    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public String getStreamId() {
        return streamId;
    }

    /** The sub-stream when the exchange has no CamelProgressStreamId header. */
    public void setStreamId(String streamId) {
        this.streamId = streamId;
    }
}
