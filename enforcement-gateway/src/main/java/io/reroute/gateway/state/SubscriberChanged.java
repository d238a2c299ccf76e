package io.reroute.gateway.state;

/**
 * A subscriber record from the region stream replaced an older one: published once applied, so
 * that what depends on the change (sessions on the routers) can follow it. Not published for
 * snapshots, which carry no "before".
 */
public record SubscriberChanged(Subscriber previous, Subscriber current) {}
