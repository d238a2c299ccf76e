package io.reroute.gateway.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How a workspace's restricted subscribers are accepted: into this "expired" profile, with an
 * address list the router redirects, a slow rate limit and optionally a pool of their own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RadiusProfile(
        String restrictedAddressList, String restrictedRateLimit, String restrictedPool, int interimIntervalSeconds) {

    /** The platform's defaults, for a workspace line from a platform that sends no profile. */
    public static final RadiusProfile DEFAULT = new RadiusProfile("reroute-restricted", "1M/1M", null, 300);
}
