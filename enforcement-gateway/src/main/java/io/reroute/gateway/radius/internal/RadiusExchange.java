package io.reroute.gateway.radius.internal;

import io.reroute.gateway.state.NasClient;
import java.net.InetSocketAddress;

/**
 * A request from a known NAS whose authenticator checked out, with the NAS's shared secret (UTF-8)
 * to open its credentials and sign the answer; what the handler needs to answer it.
 */
record RadiusExchange(NasClient nas, byte[] secret, InetSocketAddress sender, RadiusPacket request) {

    @Override
    public String toString() {
        return "RadiusExchange[" + nas + ", " + sender + ", secret hidden]";
    }
}
