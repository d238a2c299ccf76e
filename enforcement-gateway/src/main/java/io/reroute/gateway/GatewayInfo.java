package io.reroute.gateway;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows in {@code /actuator/info} which region and platform this gateway is bound to, and as which instance. */
@Component
class GatewayInfo implements InfoContributor {

    private final GatewayProperties properties;
    private final GatewayInstance instance;

    GatewayInfo(GatewayProperties properties, GatewayInstance instance) {
        this.properties = properties;
        this.instance = instance;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(
                "gateway",
                Map.of(
                        "region",
                        properties.region(),
                        "platformUrl",
                        properties.platformUrl().toString(),
                        "instance",
                        instance.id()));
    }
}
