package io.camelprogress.examples.upload;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the upload demo: Camel Main with the platform-http server on port 8080 and the YAML routes
 * of {@code routes/} (see application.properties), and says where to open it.
 */
public final class UploadDemo {

    private static final Logger LOG = LoggerFactory.getLogger(UploadDemo.class);

    private UploadDemo() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(UploadDemo.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                String port = started.getCamelContext().resolvePropertyPlaceholders("{{camel.server.port:8080}}");
                LOG.info("The upload demo is ready: open http://localhost:{}/ and drop a file on the page", port);
            }
        });
        main.run(args);
    }
}
