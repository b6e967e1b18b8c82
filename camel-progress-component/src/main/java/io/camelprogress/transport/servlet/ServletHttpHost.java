package io.camelprogress.transport.servlet;

import java.util.concurrent.ScheduledExecutorService;

import io.camelprogress.transport.HttpHost;
import io.camelprogress.transport.ProgressRequests;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The servlet host: the application's servlet container serves the base path through
 * {@link ProgressServlet}, on the application's own port; the connections' loops share one
 * scheduler from the CamelContext's {@code ExecutorServiceManager}.
 */
final class ServletHttpHost implements HttpHost {

    private final ProgressServlet servlet;
    private final CamelContext camelContext;
    private final ProgressRequests requests;
    private ProgressServlet.Serving serving;

    ServletHttpHost(ProgressServlet servlet, CamelContext camelContext, ProgressRequests requests) {
        this.servlet = servlet;
        this.camelContext = camelContext;
        this.requests = requests;
    }

    @Override
    public void start() {
        // writes never block, so a thread per core serves every connection's loop; the queue is unbounded, as
        // it holds every connection's heartbeat timer (Camel's default profile rejects past 1,000 tasks)
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolProfile profile = new ThreadPoolProfile("ProgressServletLoops");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(-1);
        ScheduledExecutorService scheduler = camelContext.getExecutorServiceManager()
                .newScheduledThreadPool(this, "ProgressServletLoops", profile);
        serving = new ProgressServlet.Serving(requests, scheduler, new OpenConnections());
        servlet.serve(serving);
    }

    @Override
    public void stop() {
        if (serving == null) {
            return;
        }
        servlet.stopServing(serving);
        serving.open().closeAll();
        camelContext.getExecutorServiceManager().shutdownNow(serving.scheduler());
        serving = null;
    }

    @Override
    public boolean attachedToPlatformHttp() {
        return true;
    }

    @Override
    public String where() {
        return requests.basePath() + " on the servlet container";
    }

    @Override
    public int port() {
        return -1;
    }
}
