package io.camelprogress.examples.upload;

import org.apache.camel.main.Main;

/**
 * Starts the upload demo: Camel Main with the platform-http server on port 8080 and the YAML routes
 * of {@code routes/} (see application.properties).
 */
public final class UploadDemo {

    private UploadDemo() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(UploadDemo.class);
        main.run(args);
    }
}
