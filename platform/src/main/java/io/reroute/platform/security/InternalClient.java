package io.reroute.platform.security;

/**
 * A platform process calling {@code /internal/**}: a region's gateway or the portal. Not a
 * workspace's client: gateways serve every workspace of their region, the portal every workspace.
 *
 * @param region the region a gateway serves; null for the portal
 */
public record InternalClient(String name, Role role, String region) {

    public enum Role {
        GATEWAY,
        PORTAL
    }

    public static final String PORTAL_NAME = "portal";

    /** The Basic user name a region's gateways authenticate with. */
    public static String gatewayName(String region) {
        return "gateway." + region;
    }
}
