package io.reroute.gateway.captive.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.captive.CaptiveProperties;
import io.reroute.gateway.state.RegionState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The captive HTTP listener on the landing address, and the HTTPS one for the RFC 8908 API when a
 * certificate bundle is configured. Separate from the actuator port: subscribers reach this one.
 */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.captive.enabled", matchIfMissing = true)
public class CaptiveServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaptiveServer.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final CaptiveProperties properties;
    private final CaptiveRequestHandler handler;
    private final SslBundles bundles;
    private DisposableServer http;
    private DisposableServer https;

    CaptiveServer(
            CaptiveProperties properties,
            RegionState state,
            CaptiveLinks links,
            JsonMapper json,
            SslBundles bundles,
            MeterRegistry meters) {
        this.properties = properties;
        this.bundles = bundles;
        this.handler = new CaptiveRequestHandler(state, links, json, meters);
    }

    @Override
    public synchronized void start() {
        http = listener(properties.port()).bindNow();
        log.info("captive HTTP listening on {} port {}", properties.bind(), http.port());
        if (properties.tlsBundle() != null && !properties.tlsBundle().isBlank()) {
            var keys = bundles.getBundle(properties.tlsBundle()).getManagers().getKeyManagerFactory();
            https = listener(properties.tlsPort())
                    .secure(tls -> tls.sslContext(Http11SslContextSpec.forServer(keys)))
                    .bindNow();
            log.info("captive HTTPS (RFC 8908 API) listening on {} port {}", properties.bind(), https.port());
        }
    }

    private HttpServer listener(int port) {
        return HttpServer.create()
                .host(properties.bind())
                .port(port)
                .idleTimeout(REQUEST_TIMEOUT)
                .readTimeout(REQUEST_TIMEOUT)
                .handle(handler);
    }

    @Override
    public synchronized void stop() {
        if (http != null) {
            http.disposeNow();
        }
        if (https != null) {
            https.disposeNow();
        }
        http = null;
        https = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return http != null;
    }

    /** The bound plain HTTP port, for tests that asked for port 0. */
    public synchronized int port() {
        return http.port();
    }

    /** The bound HTTPS port; -1 without a certificate bundle. */
    public synchronized int tlsPort() {
        return https == null ? -1 : https.port();
    }
}
