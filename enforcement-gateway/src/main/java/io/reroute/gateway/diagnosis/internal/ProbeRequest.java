package io.reroute.gateway.diagnosis.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The platform asking the region's gateways about one subscriber of one workspace, as published on
 * {@link DiagnosisKeys#probes}; answered on {@link DiagnosisKeys#probeReply} of {@code requestId}.
 *
 * @param name the name whose DNS answer is asked about; none asks about {@link #DEFAULT_NAME}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProbeRequest(UUID requestId, UUID workspace, UUID subscriberId, String name) {

    static final String DEFAULT_NAME = "example.com";

    /** A host name as a resolver would be asked it: letters, digits, hyphens, underscores and dots. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}(\\.[A-Za-z0-9_-]{1,63})*\\.?");

    ProbeRequest {
        if (requestId == null || workspace == null || subscriberId == null) {
            throw new IllegalArgumentException("a probe names its request, workspace and subscriber");
        }
        name = name == null ? DEFAULT_NAME : name;
        if (name.length() > 254 || !HOST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a probe's name is no host name");
        }
    }
}
