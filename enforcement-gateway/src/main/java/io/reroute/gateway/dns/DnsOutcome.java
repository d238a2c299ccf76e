package io.reroute.gateway.dns;

/** What the DNS redirector does with a query. */
public enum DnsOutcome {
    /** The source is outside the subscriber networks: REFUSED. */
    REFUSED,
    /** The source is nobody's redirected subscriber: resolved for real, by the upstream resolvers. */
    FORWARDED,
    /** A redirected subscriber asks for an allowlisted name or the reminder host: resolved for real. */
    ALLOWLISTED,
    /** A redirected subscriber asks for a name browsers check before using encrypted DNS: NXDOMAIN. */
    CANARY,
    /** A redirected subscriber asks for any other name: the workspace's landing address. */
    REDIRECTED
}
