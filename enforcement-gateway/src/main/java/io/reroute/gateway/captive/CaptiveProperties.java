package io.reroute.gateway.captive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The captive HTTP endpoint on the landing address ({@code reroute.gateway.captive.*}).
 *
 * @param enabled whether this gateway answers captive HTTP
 * @param bind the address to listen on (the landing address, or all)
 * @param port plain HTTP port (80 in production; 0 picks a free one)
 * @param tlsPort HTTPS port for the RFC 8908 API and redirects (443 in production), used when
 *     {@code tlsBundle} is set
 * @param tlsBundle name of a Spring SSL bundle ({@code spring.ssl.bundle.pem.<name>}) with the
 *     certificate of the API's host name; none serves plain HTTP only
 * @param linkReuse how long a signed link is handed out again to the same subscriber at the same
 *     version (devices probe every few seconds; each probe need not cost a signature)
 * @param platformTimeout how long to wait for the platform to sign a link before falling back to
 *     the portal's front page
 */
@ConfigurationProperties("reroute.gateway.captive")
public record CaptiveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bind,
        @DefaultValue("80") int port,
        @DefaultValue("443") int tlsPort,
        String tlsBundle,
        @DefaultValue("60s") Duration linkReuse,
        @DefaultValue("2s") Duration platformTimeout) {}
