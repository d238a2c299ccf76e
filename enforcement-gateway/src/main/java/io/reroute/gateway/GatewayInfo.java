package io.reroute.gateway;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows in {@code /actuator/info} which region and platform this gateway is bound to. */
@Component
class GatewayInfo implements InfoContributor {

    private final GatewayProperties properties;

    GatewayInfo(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(
                "gateway",
                Map.of(
                        "region",
                        properties.region(),
                        "platformUrl",
                        properties.platformUrl().toString()));
    }
}
