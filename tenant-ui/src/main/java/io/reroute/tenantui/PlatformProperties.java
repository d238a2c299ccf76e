package io.reroute.tenantui;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the platform's public API is. */
@Validated
@ConfigurationProperties("reroute.platform")
public record PlatformProperties(@NotNull URI url) {}
