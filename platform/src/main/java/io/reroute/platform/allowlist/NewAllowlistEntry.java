package io.reroute.platform.allowlist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An entry to add: {@code value} is a host name, a wildcard domain such as {@code *.stripe.com}, or a CIDR. */
public record NewAllowlistEntry(
        @NotBlank @Size(max = 260) String value,
        @NotNull AllowlistKind kind,
        @Size(max = 200) String note) {}
