package io.camelprogress.examples.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Serves the page's files from {@code web/} on the classpath: only those named here. */
public class WebAssets {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "screenshot.png", "image/png");

    public void serve(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String name = message.getHeader("file", "index.html", String.class);
        String type = FILES.get(name);
        InputStream in = type == null ? null : WebAssets.class.getResourceAsStream("/web/" + name);
        if (in == null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody("No such file: " + name + "\n");
            return;
        }
        try (in) {
            message.setHeader(Exchange.CONTENT_TYPE, type);
            message.setHeader("Cache-Control", "no-cache");
            message.setBody(in.readAllBytes());
        }
    }
}
