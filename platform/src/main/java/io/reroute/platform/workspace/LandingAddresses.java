package io.reroute.platform.workspace;

/** Where the DNS redirector sends restricted subscribers: the branded landing server's addresses. */
public record LandingAddresses(String ipv4, String ipv6) {}
