package io.reroute.platform.nas;

/** What a NAS understands beyond RFC RADIUS: MikroTik's attributes (vendor 14988), or nothing else. */
public enum NasVendor {
    MIKROTIK,
    GENERIC
}
