package io.reroute.platform.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The gateway and portal credentials the test platform is configured with. */
public final class InternalCredentials {

    public static final String EU_WEST_GATEWAY_SECRET = "gw-eu-west-test-secret";
    public static final String US_EAST_GATEWAY_SECRET = "gw-us-east-test-secret";
    public static final String PORTAL_SECRET = "portal-test-secret";

    static final String GATEWAY_CREDENTIALS =
            "eu-west=" + EU_WEST_GATEWAY_SECRET + ",us-east=" + US_EAST_GATEWAY_SECRET;

    private InternalCredentials() {}

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String gateway(String region, String secret) {
        return basic("gateway." + region, secret);
    }

    public static String portal() {
        return basic("portal", PORTAL_SECRET);
    }
}
