package io.reroute.gateway.dns.internal;

import java.net.InetSocketAddress;

/** A packet the DNS codec could not read, with the id to answer FORMERR to; sender is null over TCP. */
record MalformedQuery(int id, InetSocketAddress sender, InetSocketAddress recipient) {}
