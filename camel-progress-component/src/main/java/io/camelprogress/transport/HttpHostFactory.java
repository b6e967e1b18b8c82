package io.camelprogress.transport;

import org.apache.camel.CamelContext;

/**
 * Provides the HTTP host that serves the base path, in place of the component's Vert.x host: a
 * servlet container's, so that streams are served on the application's own port. Set it as the
 * component's {@code httpHostFactory} option, or bind one in the registry (the option is autowired).
 */
public interface HttpHostFactory {

    /**
     * The host that hands its requests under the base path to {@code requests}; the component
     * starts it once the CamelContext has started and stops it with itself.
     */
    HttpHost create(CamelContext camelContext, ProgressRequests requests);
}
