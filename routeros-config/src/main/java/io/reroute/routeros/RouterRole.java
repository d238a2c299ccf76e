package io.reroute.routeros;

/** What a router does for the workspace, which decides what the unpaid flow puts on it. */
public enum RouterRole {
    /**
     * Terminates subscriber sessions (PPPoE, hotspot) and asks the gateways' RADIUS: gets the
     * firewall part and the PPP "expired" profile.
     */
    ACCESS,
    /** Routes or filters subscribers with static or DHCP addresses: gets the firewall part only. */
    EDGE
}
