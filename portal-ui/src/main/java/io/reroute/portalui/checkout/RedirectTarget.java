package io.reroute.portalui.checkout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where to send the browser for a checkout's {@code redirectUrl}. The platform writes the portal's
 * own pages (the sandbox) as {@code https://<host>/...}; on the subscriber's own host that becomes a
 * path, so the scheme and port the browser uses stay (plain HTTP on a port in local runs). Other
 * hosts (Stripe) are only ever reached over HTTPS.
 *
 * @param path a route of this portal, without the leading slash, with its query; null for an external URL
 * @param url an external https:// address; null for a path
 */
public record RedirectTarget(String path, String url) {

    public static Optional<RedirectTarget> of(String redirectUrl, String portalHost) {
        if (redirectUrl == null || redirectUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(redirectUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.empty();
        }
        if (portalHost != null && uri.getHost().equalsIgnoreCase(portalHost)) {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", "");
            return Optional.of(
                    new RedirectTarget(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), null));
        }
        return scheme.equals("https") ? Optional.of(new RedirectTarget(null, uri.toString())) : Optional.empty();
    }

    public boolean internal() {
        return path != null;
    }
}
