package io.camelprogress.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;


/**
 * Serves the browser client, {@code <basePath>/_client.js}, from the jar: read and gzipped once,
 * revalidated by its ETag, so that a page always gets the client of the server it talks to.
 */
final class ClientScript {

    /** The name under the base path. */
    static final String NAME = "_client.js";

    private static final String RESOURCE = "/io/camelprogress/client/_client.js";
    private static final ClientScript INSTANCE = new ClientScript(read());

    private final byte[] plain;
    private final byte[] gzipped;
    private final String etag;

    private ClientScript(byte[] script) {
        this.plain = script;
        this.gzipped = gzip(script);
        this.etag = '"' + sha256(script).substring(0, 16) + '"';
    }

    /** Answers a GET of the client: 304 when the browser has it, gzip when the browser takes it. */
    static void serve(HostRequest request) {
        INSTANCE.answer(request);
    }

    private void answer(HostRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/javascript; charset=utf-8");
        // no-cache: the browser keeps it and revalidates, so an upgraded server is seen at once
        headers.put("Cache-Control", "no-cache");
        headers.put("ETag", etag);
        headers.put("Vary", "Accept-Encoding");
        String match = request.header("If-None-Match");
        if (match != null && (match.contains(etag) || match.trim().equals("*"))) {
            request.respond(304, headers, new byte[0]);
            return;
        }
        String accept = request.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            headers.put("Content-Encoding", "gzip");
            request.respond(200, headers, gzipped);
        } else {
            request.respond(200, headers, plain);
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
