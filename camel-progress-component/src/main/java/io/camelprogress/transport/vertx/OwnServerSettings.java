package io.camelprogress.transport.vertx;

import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;

import io.camelprogress.transport.TransportSettings;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How the component's own server listens (it is not used on platform-http, whose server has settings
 * of its own).
 *
 * @param host            the address to bind
 * @param port            the port, 0 for a free one
 * @param tls             TLS, or null for cleartext; with TLS, HTTP/2 and HTTP/1.1 are offered through ALPN
 * @param http2ClearText  whether cleartext HTTP/2 (h2c, by prior knowledge or {@code Upgrade: h2c}) is accepted
 *                        besides HTTP/1.1 when there is no TLS
 */
public record OwnServerSettings(String host, int port, SSLContextParameters tls, boolean http2ClearText) {

    /** Whether the server speaks TLS. */
    public boolean secure() {
        return tls != null;
    }

    /** The Vert.x options of the server. */
    HttpServerOptions toOptions(CamelContext camelContext, TransportSettings settings) throws Exception {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
                .setMaxHeaderSize(settings.maxHeaderSize()).setTcpNoDelay(true)
                .setMaxWebSocketFrameSize(Math.max(settings.maxUpstreamMessageSize(), 65536))
                .setMaxWebSocketMessageSize(Math.max(settings.maxUpstreamMessageSize() + 1, 65536))
                // Vert.x accepts h2c unless told not to; it is opt-in here, also because with it Vert.x sets a
                // connection up only once it has a whole request head, too late for requestHeadTimeout to bound it
                .setHttp2ClearTextEnabled(http2ClearText && tls == null);
        if (tls != null) {
            SSLContext context = tls.createSSLContext(camelContext);
            options.setSsl(true).setUseAlpn(true).setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                    .setSslEngineOptions(new CamelSslEngineOptions(context))
                    // Vert.x insists on a key for a TLS server; the context above is what serves
                    .setKeyCertOptions(KeyCertOptions.wrap(keyManager(tls)))
                    .setClientAuth(clientAuth(camelContext, tls));
        }
        return options;
    }

    private static X509KeyManager keyManager(SSLContextParameters tls) throws Exception {
        if (tls.getKeyManagers() == null) {
            throw new IllegalArgumentException("The SSLContextParameters of the progress server have no keyManagers: a TLS server needs"
                                               + " its key store (camel.ssl.keyStore, or keyManagers.keyStore)");
        }
        KeyManager[] managers = tls.getKeyManagers().createKeyManagers();
        return Arrays.stream(managers).filter(X509KeyManager.class::isInstance).map(X509KeyManager.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The key store of the progress server's SSLContextParameters"
                                                                + " holds no X.509 key"));
    }

    private static ClientAuth clientAuth(CamelContext camelContext, SSLContextParameters tls) {
        String configured = tls.getServerParameters() == null ? null : tls.getServerParameters().getClientAuthentication();
        if (configured == null) {
            return ClientAuth.NONE;
        }
        return switch (ClientAuthentication.valueOf(camelContext.resolvePropertyPlaceholders(configured))) {
            case NONE -> ClientAuth.NONE;
            case WANT -> ClientAuth.REQUEST;
            case REQUIRE -> ClientAuth.REQUIRED;
        };
    }
}
