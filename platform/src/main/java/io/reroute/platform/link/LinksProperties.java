package io.reroute.platform.link;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder links ({@code reroute.links.*}).
 *
 * @param ttl how long a link in a mail stays valid
 * @param maxTtl the longest validity an API caller may ask for
 * @param keyRotation how long a workspace signs with one key before the next is created
 * @param path the portal path the token is appended to
 */
@ConfigurationProperties("reroute.links")
public record LinksProperties(
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("30d") Duration maxTtl,
        @DefaultValue("30d") Duration keyRotation,
        @DefaultValue("/link/") String path) {}
