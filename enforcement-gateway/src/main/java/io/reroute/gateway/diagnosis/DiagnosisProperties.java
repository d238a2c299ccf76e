package io.reroute.gateway.diagnosis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway tells staff about itself through Redis ({@code reroute.gateway.diagnosis.*}).
 *
 * @param heartbeatInterval how often this gateway writes its health to its region's hash
 * @param forgetAfter how old a gateway's last health report may get before it is removed from the
 *     hash (a gateway that stopped without removing its own, after a crash)
 */
@ConfigurationProperties("reroute.gateway.diagnosis")
public record DiagnosisProperties(
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("1d") Duration forgetAfter) {}
