package io.reroute.gateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which region this gateway serves and where its platform is. Checked at start: a gateway with no
 * region would enforce nobody, so it refuses to start instead.
 */
@Validated
@ConfigurationProperties("reroute.gateway")
public record GatewayProperties(
        @NotBlank
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", message = "must be a region name such as eu-west")
        String region,

        @NotNull URI platformUrl) {}
