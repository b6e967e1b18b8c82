package io.camelprogress.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import io.camelprogress.testing.ProgressServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser client at {@code <basePath>/_client.js}: the script of the jar, revalidated, gzipped, under 5 KB. */
@Timeout(30)
class ClientScriptTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ProgressServer server;
    private static byte[] script;

    @BeforeAll
    static void start() throws Exception {
        server = new ProgressServer();
        try (InputStream in = ClientScript.class.getResourceAsStream("/io/camelprogress/client/_client.js")) {
            script = in.readAllBytes();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheScriptAsJavaScriptWithAnEtag() throws Exception {
        HttpResponse<byte[]> response = get("_client.js", null, null);
        assertEquals(200, response.statusCode());
        assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("ETag").orElse("").matches("\"[0-9a-f]{16}\""), response.headers().toString());
        assertArrayEquals(script, response.body());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("export function subscribe("));
    }

    @Test
    void answers304WhenTheBrowserHasIt() throws Exception {
        String etag = get("_client.js", null, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("_client.js", etag, null);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(200, get("_client.js", "\"0000000000000000\"", null).statusCode());
    }

    @Test
    void gzipsUnderFiveKilobytes() throws Exception {
        HttpResponse<byte[]> response = get("_client.js", null, "gzip, deflate");
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(response.body().length < 5 * 1024, "gzipped client is " + response.body().length + " bytes");
        assertArrayEquals(script, gunzip(response.body()));
    }

    @Test
    void otherReservedNamesAreNotFound() throws Exception {
        assertEquals(404, get("_client.jsx", null, null).statusCode());
        assertEquals(404, get("_other", null, null).statusCode());
    }

    private static HttpResponse<byte[]> get(String path, String ifNoneMatch, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
