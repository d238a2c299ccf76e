package io.reroute.platform.gateway.internal;

import java.util.UUID;
import java.util.regex.Pattern;

/** Where the platform and the gateways meet in Redis for diagnosis; the gateways use the same names. */
final class GatewayKeys {

    /** As the gateways' configuration accepts a region name. */
    private static final Pattern REGION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private GatewayKeys() {}

    /** A hash per region: one field per gateway instance, its last health report (JSON). */
    static String gateways(String region) {
        return "reroute:region:" + checked(region) + ":gateways";
    }

    /** The channel a region's gateways hear subscriber probes on. */
    static String probes(String region) {
        return "reroute:region:" + checked(region) + ":probes";
    }

    /** The channel the answers to one probe come back on. */
    static String probeReply(UUID requestId) {
        return "reroute:probe-reply:" + requestId;
    }

    private static String checked(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
        return region;
    }
}
