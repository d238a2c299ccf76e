package io.reroute.platform.workspace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * How the workspace's gateways answer RADIUS: restricted subscribers (blocked, suspended, capped)
 * are accepted into this "expired" profile rather than rejected, so they get online far enough to
 * reach the portal and pay.
 *
 * @param restrictedAddressList the router address list restricted subscribers join (the generated
 *     router script redirects and filters this list)
 * @param restrictedRateLimit their MikroTik rate limit, {@code rx/tx} from the router's side, such
 *     as {@code 1M/1M} or {@code 512k/2M}
 * @param restrictedPool an IP pool for them, optional
 * @param interimIntervalSeconds the Acct-Interim-Interval sent with every accept
 */
public record RadiusProfile(
        @Pattern(regexp = ADDRESS_LIST, message = "letters, digits, '.', '_' or '-', at most 63")
        String restrictedAddressList,

        @Pattern(regexp = RATE_LIMIT, message = "a MikroTik rate limit such as 1M/1M or 512k/2M")
        String restrictedRateLimit,

        @Pattern(regexp = ADDRESS_LIST, message = "letters, digits, '.', '_' or '-', at most 63")
        String restrictedPool,

        @Min(60) @Max(86400) Integer interimIntervalSeconds) {

    public static final String ADDRESS_LIST = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    /** rx[/tx], each a number with an optional k, M or G; burst settings are not offered. */
    public static final String RATE_LIMIT = "[1-9][0-9]{0,9}[kMG]?(/[1-9][0-9]{0,9}[kMG]?)?";

    public static RadiusProfile defaults() {
        return new RadiusProfile("reroute-restricted", "1M/1M", null, 300);
    }
}
