package io.reroute.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credentials of the platform's own processes for {@code /internal/**} (HTTP Basic over TLS).
 *
 * @param gatewayCredentials {@code region=secret} pairs separated by commas; a region's gateways
 *     authenticate as {@code gateway.<region>} and see only their region
 * @param portalSecret the portal's secret (user {@code portal}); empty disables portal access
 */
@ConfigurationProperties("reroute.internal")
public record InternalClientsProperties(String gatewayCredentials, String portalSecret) {

    /** Secret by Basic user name. */
    public Map<String, String> secretsByName() {
        var secrets = new LinkedHashMap<String, String>();
        gatewaySecrets().forEach((region, secret) -> secrets.put(InternalClient.gatewayName(region), secret));
        if (portalSecret != null && !portalSecret.isBlank()) {
            secrets.put(InternalClient.PORTAL_NAME, portalSecret.strip());
        }
        return secrets;
    }

    /** The gateways' secret by region. */
    public Map<String, String> gatewaySecrets() {
        var secrets = new LinkedHashMap<String, String>();
        if (gatewayCredentials != null) {
            for (String pair : gatewayCredentials.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 1 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException(
                            "reroute.internal.gateway-credentials: expected region=secret pairs separated by commas");
                }
                secrets.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "InternalClientsProperties[secrets hidden]";
    }
}
