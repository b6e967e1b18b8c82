package io.camelprogress.transport.servlet;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;

import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.HttpHostFactory;
import io.camelprogress.transport.ProgressRequests;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;

/**
 * Serves the progress component's base path from a servlet container (Jakarta Servlet 6, async
 * supported): SSE, long-poll, snapshot and POST over async Servlet with non-blocking writes, and
 * WebSocket on the same URL through the container's Jakarta WebSocket. Register it for
 * {@code <basePath>} and {@code <basePath>/*} with async support, and give it to the component as
 * its {@code httpHostFactory}: it serves once the component has started, and answers {@code 503}
 * before.
 */
public class ProgressServlet extends HttpServlet implements HttpHostFactory {

    private static final long serialVersionUID = 1L;

    private transient volatile Serving serving;

    @Override
    public HttpHost create(CamelContext camelContext, ProgressRequests requests) {
        return new ServletHttpHost(this, camelContext, requests);
    }

    /** What the servlet hands its requests to while a host serves. */
    record Serving(ProgressRequests requests, ScheduledExecutorService scheduler, OpenConnections open) {
    }

    void serve(Serving serving) {
        this.serving = serving;
    }

    void stopServing(Serving stopped) {
        if (serving == stopped) {
            serving = null;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Serving now = serving;
        if (now == null) {
            response.setStatus(503);
            response.setHeader("Retry-After", "1");
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("Progress streams are not served yet\n");
            return;
        }
        SerialLoop loop = new SerialLoop(now.scheduler());
        ServletHostRequest hostRequest = new ServletHostRequest(request, response, loop, now.open());
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (!upgrade) {
            hostRequest.startAsync();
        }
        // on this thread, as a turn of the connection's loop: an upgrade must happen before service returns
        loop.runHere(() -> now.requests().handle(hostRequest));
    }
}
