package io.reroute.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are issued and checked.
 *
 * @param issuer the {@code iss} every accepted token must carry; the platform's own tokens carry it too
 * @param jwkSetUri where the signing keys are published; empty means the platform's own
 *     {@code /oauth2/jwks} (and its token endpoint is on). Set it, with {@code issuer}, to an external
 *     identity provider such as Keycloak to have it issue the tokens instead.
 * @param audience the {@code aud} tokens must name; empty to skip the check
 * @param workspaceClaim the claim that names the workspace
 * @param tokenTtl lifetime of the platform's own access tokens
 * @param keyRotation how long one signing key signs before the next one takes over
 */
@ConfigurationProperties("reroute.security")
public record SecurityProperties(
        String issuer,
        String jwkSetUri,
        String audience,
        String workspaceClaim,
        Duration tokenTtl,
        Duration keyRotation) {

    public SecurityProperties {
        issuer = issuer == null || issuer.isBlank() ? "http://localhost:8080" : issuer;
        jwkSetUri = jwkSetUri == null ? "" : jwkSetUri.strip();
        audience = audience == null ? "reroute-api" : audience.strip();
        workspaceClaim = workspaceClaim == null || workspaceClaim.isBlank() ? "workspace_id" : workspaceClaim;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(10) : tokenTtl;
        keyRotation = keyRotation == null ? Duration.ofDays(30) : keyRotation;
    }

    /** True when the platform issues its own tokens (no external identity provider configured). */
    public boolean selfIssued() {
        return jwkSetUri.isEmpty();
    }
}
