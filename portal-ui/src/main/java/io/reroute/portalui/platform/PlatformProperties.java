package io.reroute.portalui.platform;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform's API is, and the portal's password as its internal client {@code portal}.
 * Blank in a development run without one; the platform then refuses every call.
 */
@ConfigurationProperties("reroute.platform")
public record PlatformProperties(URI url, String portalSecret) {

    public PlatformProperties {
        if (url == null) {
            throw new IllegalArgumentException("reroute.platform.url is required");
        }
        portalSecret = portalSecret == null ? "" : portalSecret;
    }

    @Override
    public String toString() {
        return "PlatformProperties[url=" + url + ", portalSecret=<hidden>]";
    }
}
