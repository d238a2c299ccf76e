package io.reroute.platform.allowlist;

/** Why a destination stays reachable for restricted subscribers. */
public enum AllowlistKind {
    /** The workspace's own portal or landing page. */
    PORTAL,
    /** A payment gateway the portal sends subscribers to. */
    PAYMENT,
    /** A support site, chat or phone-to-web service. */
    SUPPORT,
    /** Anything else the ISP chooses. */
    CUSTOM
}
