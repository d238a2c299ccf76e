package io.reroute.gateway.captive.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The connectivity checks operating systems and browsers make, with the answer each expects when
 * the network is open. A redirected subscriber gets the captive redirect instead, which is what
 * opens the "sign in to network" sheet; a subscriber restored a moment ago, whose device still
 * resolves the probe host to the landing address, gets the expected answer so the sheet closes.
 */
final class ConnectivityProbes {

    /** What a probe expects: a status and, for 200, an exact body. */
    record Expected(int status, String contentType, String body) {}

    private static final Expected NO_CONTENT = new Expected(204, null, "");
    private static final Expected APPLE =
            new Expected(200, "text/html", "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>");
    private static final Expected NETWORK_MANAGER = new Expected(200, "text/plain", "NetworkManager is online\n");

    /** Probe hosts whose every path is a probe. */
    private static final Map<String, Expected> BY_HOST = Map.ofEntries(
            Map.entry("connectivitycheck.gstatic.com", NO_CONTENT),
            Map.entry("connectivitycheck.android.com", NO_CONTENT),
            Map.entry("clients3.google.com", NO_CONTENT),
            Map.entry("clients1.google.com", NO_CONTENT),
            Map.entry("connectivity-check.ubuntu.com", NO_CONTENT),
            Map.entry("captive.apple.com", APPLE),
            Map.entry("www.appleiphonecell.com", APPLE),
            Map.entry("www.msftconnecttest.com", new Expected(200, "text/plain", "Microsoft Connect Test")),
            Map.entry("www.msftncsi.com", new Expected(200, "text/plain", "Microsoft NCSI")),
            Map.entry("detectportal.firefox.com", new Expected(200, "text/plain", "success\n")),
            Map.entry("nmcheck.gnome.org", NETWORK_MANAGER),
            Map.entry("network-test.debian.org", NETWORK_MANAGER));

    /** Probes on general-purpose hosts: only these paths. */
    private static final Map<String, Expected> BY_HOST_AND_PATH = Map.of(
            "www.google.com/generate_204", NO_CONTENT,
            "www.google.com/gen_204", NO_CONTENT,
            "www.apple.com/library/test/success.html", APPLE);

    private ConnectivityProbes() {}

    /** The expected answer when {@code host} and {@code path} (no query) are a known probe. */
    static Optional<Expected> of(String host, String path) {
        var byHost = BY_HOST.get(host);
        return byHost != null ? Optional.of(byHost) : Optional.ofNullable(BY_HOST_AND_PATH.get(host + path));
    }
}
