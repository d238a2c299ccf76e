package io.reroute.gateway.diagnosis.internal;

import java.util.UUID;

/**
 * Where gateways and the platform meet in Redis for diagnosis. The platform reads the same names
 * ({@code io.reroute.platform.gateway}).
 */
final class DiagnosisKeys {

    private DiagnosisKeys() {}

    /** A hash per region: one field per gateway instance, its last health report (JSON) as value. */
    static String gateways(String region) {
        return "reroute:region:" + region + ":gateways";
    }

    /** The channel a region's gateways hear subscriber probes on. */
    static String probes(String region) {
        return "reroute:region:" + region + ":probes";
    }

    /** The channel the platform waits on for the answers to one probe. */
    static String probeReply(UUID requestId) {
        return "reroute:probe-reply:" + requestId;
    }
}
