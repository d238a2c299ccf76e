package io.reroute.gateway.radius.internal;

import io.reroute.gateway.state.NasClient;
import java.net.InetSocketAddress;
import org.tinyradius.core.packet.request.RadiusRequest;

/**
 * A request from a known NAS whose authenticator checked out, decoded with its shared secret; what
 * the handler needs to answer it.
 */
record RadiusExchange(NasClient nas, String secret, InetSocketAddress sender, RadiusRequest request) {

    @Override
    public String toString() {
        return "RadiusExchange[" + nas + ", " + sender + ", secret hidden]";
    }
}
