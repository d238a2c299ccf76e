package io.reroute.portalui.host;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host name a request arrived on, in the platform's canonical form (lower case, no port, no
 * trailing dot). Only names that could be a workspace's reminder host come through: at least two
 * labels, no IP address, so anything else goes straight to the neutral page.
 */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");
    private static final int MAX_LENGTH = 253;

    private HostNames() {}

    public static Optional<String> parse(String serverName) {
        if (serverName == null || serverName.isBlank()) {
            return Optional.empty();
        }
        String host = PORT.matcher(serverName.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(host);
    }
}
