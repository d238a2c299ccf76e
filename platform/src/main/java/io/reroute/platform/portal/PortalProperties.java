package io.reroute.platform.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The subscriber portal's sessions ({@code reroute.portal.*}).
 *
 * @param sessionTtl how long a subscriber stays signed in to the portal after opening a link
 */
@ConfigurationProperties("reroute.portal")
public record PortalProperties(@DefaultValue("30m") Duration sessionTtl) {}
