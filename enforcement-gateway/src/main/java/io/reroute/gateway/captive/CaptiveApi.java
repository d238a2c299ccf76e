package io.reroute.gateway.captive;

/**
 * The RFC 8908 Captive Portal API as this gateway serves it; the URI an ISP announces with DHCP
 * option 114 (RFC 8910) or the IPv6 RA option 37 is {@code https://<gateway host>}{@value #PATH}.
 */
public final class CaptiveApi {

    public static final String PATH = "/captive-portal/api";
    public static final String MEDIA_TYPE = "application/captive+json";

    private CaptiveApi() {}
}
