package io.reroute.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the local stack keeps its data and which ports it uses; each can be overridden with -D.
 * {@code dnsUpstream} ({@code host:port}) is where the gateway forwards DNS; empty: the system's resolvers.
 * {@code smtp} ({@code host:port}) is the SMTP server the platform sends subscriber mail through; empty:
 * mails are only logged.
 */
record LocalStackConfig(
        Path home,
        Path dataDirectory,
        int postgresPort,
        int redisPort,
        int platformPort,
        int gatewayPort,
        int dnsPort,
        int captivePort,
        int radiusAuthPort,
        int radiusAccountingPort,
        int tenantUiPort,
        int portalUiPort,
        String heapPerProcess,
        Duration startTimeout,
        String dnsUpstream,
        String smtp) {

    static LocalStackConfig fromSystemProperties() {
        Path home = Path.of(System.getProperty("reroute.home", "."))
                .toAbsolutePath()
                .normalize();
        return new LocalStackConfig(
                home,
                Path.of(System.getProperty("reroute.data", home.resolve(".data").toString()))
                        .toAbsolutePath(),
                Integer.getInteger("reroute.postgres.port", 15432),
                Integer.getInteger("reroute.redis.port", 16379),
                Integer.getInteger("reroute.platform.port", 8080),
                Integer.getInteger("reroute.gateway.port", 8090),
                Integer.getInteger("reroute.dns.port", 15353),
                Integer.getInteger("reroute.captive.port", 18088),
                Integer.getInteger("reroute.radius.auth-port", 11812),
                Integer.getInteger("reroute.radius.accounting-port", 11813),
                Integer.getInteger("reroute.tenant-ui.port", 8100),
                Integer.getInteger("reroute.portal-ui.port", 8110),
                System.getProperty("reroute.heap", "384m"),
                Duration.ofSeconds(Long.getLong("reroute.start-timeout-seconds", 240)),
                System.getProperty("reroute.dns.upstream", ""),
                System.getProperty("reroute.smtp", ""));
    }
}
