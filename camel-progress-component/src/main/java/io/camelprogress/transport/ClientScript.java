package io.camelprogress.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves the browser client, {@code <basePath>/_client.js}, from the jar: read and gzipped once,
 * revalidated by its ETag, so that a page always gets the client of the server it talks to.
 */
final class ClientScript {

    /** The name under the base path. */
    static final String NAME = "_client.js";

    private static final String RESOURCE = "/io/camelprogress/client/_client.js";
    private static final ClientScript INSTANCE = new ClientScript(read());

    private final Buffer plain;
    private final Buffer gzipped;
    private final String etag;

    private ClientScript(byte[] script) {
        this.plain = Buffer.buffer(script);
        this.gzipped = Buffer.buffer(gzip(script));
        this.etag = '"' + sha256(script).substring(0, 16) + '"';
    }

    /** Answers a GET of the client: 304 when the browser has it, gzip when the browser takes it. */
    static void serve(HttpServerRequest request) {
        INSTANCE.answer(request);
    }

    private void answer(HttpServerRequest request) {
        HttpServerResponse response = request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
                // no-cache: the browser keeps it and revalidates, so an upgraded server is seen at once
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.contains(etag) || match.trim().equals("*"))) {
            response.setStatusCode(304).end();
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accept != null && accept.contains("gzip")) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").setStatusCode(200).end(gzipped);
        } else {
            response.setStatusCode(200).end(plain);
        }
    }

    private static byte[] read() {
        try (InputStream in = ClientScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The browser client " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
