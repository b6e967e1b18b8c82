package io.camelprogress.transport.vertx;

import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

/**
 * Vert.x TLS over the {@link SSLContext} that Camel's {@code SSLContextParameters} built, so that every
 * setting of theirs applies (key and trust managers, certificate alias, provider, protocols, cipher
 * suites), not only the key store: Vert.x's own engine would rebuild a context from a key manager
 * factory and lose the rest. Vert.x still chooses ALPN and client authentication, from its server
 * options.
 */
final class CamelSslEngineOptions extends SSLEngineOptions {

    private final SSLContext context;
    private final List<String> cipherSuites;
    private final String[] protocols;

    CamelSslEngineOptions(SSLContext context) {
        this.context = context;
        // the parameters' protocol and cipher filters are applied to each engine the context creates;
        // Netty sets its own lists on every engine, so it is given the ones those filters chose
        SSLEngine probe = context.createSSLEngine();
        this.cipherSuites = List.of(probe.getEnabledCipherSuites());
        this.protocols = probe.getEnabledProtocols();
    }

    @Override
    public SSLEngineOptions copy() {
        return this;
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Factory();
    }

    private final class Factory implements SslContextFactory {

        private boolean useAlpn;
        private List<String> applicationProtocols = List.of();
        private ClientAuth clientAuth = ClientAuth.NONE;

        @Override
        public SslContextFactory useAlpn(boolean useAlpn) {
            this.useAlpn = useAlpn;
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> applicationProtocols) {
            this.applicationProtocols = applicationProtocols == null ? List.of() : applicationProtocols;
            return this;
        }

        @Override
        public SslContextFactory clientAuth(ClientAuth clientAuth) {
            this.clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
            return this;
        }

        @Override
        public SslContext create() throws SSLException {
            ApplicationProtocolConfig alpn = useAlpn && !applicationProtocols.isEmpty()
                    ? new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, applicationProtocols)
                    : ApplicationProtocolConfig.DISABLED;
            return new JdkSslContext(context, false, cipherSuites, IdentityCipherSuiteFilter.INSTANCE, alpn, clientAuth,
                    protocols, false);
        }
    }
}
