package io.reroute.platform.onboarding.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Self-service sign-up of new ISPs ({@code reroute.onboarding.*}).
 *
 * @param selfService whether anyone may open a workspace at {@code POST /api/v1/onboarding}; off, the
 *     endpoint answers 404 and workspaces are opened by the operator
 * @param regions the regions a new workspace may choose; the first is the default
 */
@ConfigurationProperties("reroute.onboarding")
public record OnboardingProperties(Boolean selfService, List<String> regions) {

    public OnboardingProperties {
        selfService = selfService == null || selfService;
        regions = regions == null || regions.isEmpty() ? List.of("local") : List.copyOf(regions);
    }
}
