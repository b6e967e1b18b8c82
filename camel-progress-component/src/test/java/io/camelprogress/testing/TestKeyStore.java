package io.camelprogress.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * A self-signed key for {@code localhost} and {@code 127.0.0.1}, made once per test run by the JDK's
 * {@code keytool} into {@code target/tls/}, and the client side that trusts it (and nothing else).
 */
public final class TestKeyStore {

    public static final String PASSWORD = "progress-test";
    private static final Path FILE = Path.of("target", "tls", "progress-test.p12").toAbsolutePath();

    private TestKeyStore() {
    }

    /** The PKCS#12 key store, generated on first use. */
    public static synchronized Path file() throws Exception {
        if (!Files.exists(FILE)) {
            Files.createDirectories(FILE.getParent());
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Path partial = FILE.resolveSibling("progress-test.p12.partial");
            Files.deleteIfExists(partial);
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "progress", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", partial.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(keytool + " did not make the test key store: " + output);
            }
            Files.move(partial, FILE);
        }
        return FILE;
    }

    /** Camel's parameters for a server with this key. */
    public static SSLContextParameters serverParameters() throws Exception {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + file());
        store.setType("PKCS12");
        store.setPassword(PASSWORD);
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(PASSWORD);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        return parameters;
    }

    /** A client context that trusts this key's certificate only. */
    public static SSLContext clientContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file())) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("progress", keys.getCertificate("progress"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
