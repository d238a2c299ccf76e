package io.reroute.tenantui.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where this deployment's subscriber portal is reachable from the internet, as the operator
 * configures it: the address each workspace's reminder host must resolve to. Empty when unknown;
 * the UI then asks the ISP to get it from their operator.
 */
@ConfigurationProperties("reroute.portal")
public record PortalProperties(String publicIpv4, String publicIpv6) {

    public PortalProperties {
        publicIpv4 = publicIpv4 == null || publicIpv4.isBlank() ? null : publicIpv4.strip();
        publicIpv6 = publicIpv6 == null || publicIpv6.isBlank() ? null : publicIpv6.strip();
    }
}
