package io.reroute.seal;

import java.util.UUID;

/** What a region-sealed value belongs to, spelled the same by the platform and the gateways. */
public final class SealContexts {

    private SealContexts() {}

    public static String nasSecret(UUID workspace, UUID nas) {
        return "nas:" + workspace + ":" + nas;
    }

    public static String routerPassword(UUID workspace, UUID router) {
        return "router:" + workspace + ":" + router;
    }

    public static String pppoePassword(UUID workspace, UUID subscriber) {
        return "pppoe:" + workspace + ":" + subscriber;
    }
}
