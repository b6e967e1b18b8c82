package io.camelprogress.transport;

/** Where the base path is served: an HTTP server or router that hands its requests to {@link ProgressRequests}. */
public interface HttpHost {

    /** Starts serving; returns once requests are served. */
    void start() throws Exception;

    /** Stops serving; connections still open are closed. */
    void stop() throws Exception;

    /** Whether streams are served on the application's own server (else on one of the component's own). */
    boolean attachedToPlatformHttp();

    /** Where streams are served, for the start line and operators, as in {@code http://0.0.0.0:8085/progress}. */
    String where();

    /** The port of the component's own server, or -1 when attached to the application's. */
    int port();
}
