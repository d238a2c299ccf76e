package io.reroute.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This gateway process among its region's replicas: the host name (the pod's name on Kubernetes)
 * and a random suffix, so that a restarted process on the same host reports as a new instance and
 * the old one's last report ages out on its own.
 */
@Component
public class GatewayInstance {

    private final String id;

    GatewayInstance() {
        this.id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stable for the life of the process. */
    public String id() {
        return id;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
