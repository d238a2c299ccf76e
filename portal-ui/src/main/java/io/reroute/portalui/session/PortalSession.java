package io.reroute.portalui.session;

/**
 * A subscriber's session at the platform, and the host it was opened on: it is only ever used there.
 *
 * @param token the platform's session token; a credential, so kept out of logs
 */
public record PortalSession(String host, String token) {

    public PortalSession {
        if (host == null || host.isBlank() || token == null || token.isBlank()) {
            throw new IllegalArgumentException("a portal session needs its host and token");
        }
    }

    @Override
    public String toString() {
        return "PortalSession[host=" + host + ", token=<hidden>]";
    }
}
