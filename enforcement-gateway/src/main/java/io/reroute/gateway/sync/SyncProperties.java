package io.reroute.gateway.sync;

import io.reroute.seal.RegionSeal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway keeps its region's state ({@code reroute.gateway.sync.*}).
 *
 * @param secret this region's gateway secret for the platform's {@code /internal} endpoints
 * @param readBlock how long one stream read waits for new entries
 * @param readCount entries per stream read at most
 * @param resnapshotInterval how often the whole snapshot is loaded again, as a safety net: changes
 *     to subscribers and workspaces arrive on the stream
 * @param maxRetryDelay the longest wait between reconnection attempts
 * @param stateDirectory where the state is saved for restarts; none keeps it in memory only
 * @param saveInterval how often the state is saved when it changed (and always at shutdown)
 */
@ConfigurationProperties("reroute.gateway.sync")
public record SyncProperties(
        String secret,
        @DefaultValue("5s") Duration readBlock,
        @DefaultValue("500") int readCount,
        @DefaultValue("1h") Duration resnapshotInterval,
        @DefaultValue("30s") Duration maxRetryDelay,
        Path stateDirectory,
        @DefaultValue("30s") Duration saveInterval) {

    /**
     * The seal that opens what the platform sealed for {@code region}'s gateways (NAS secrets,
     * router and PPPoE passwords); empty without a gateway secret.
     */
    public Optional<RegionSeal> regionSeal(String region) {
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(RegionSeal.of(region, secret));
    }

    @Override
    public String toString() {
        return "SyncProperties[readBlock=" + readBlock + ", resnapshotInterval=" + resnapshotInterval
                + ", stateDirectory=" + stateDirectory + "]";
    }
}
