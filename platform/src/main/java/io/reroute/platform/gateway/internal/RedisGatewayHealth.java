package io.reroute.platform.gateway.internal;

import io.reroute.platform.gateway.GatewayHealth;
import io.reroute.platform.gateway.GatewayStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a region's gateway hash; removes the fields of gateways gone for longer than {@code
 * forgetAfter}, which stopped without removing their own (a crash).
 */
@Component
class RedisGatewayHealth implements GatewayHealth {

    private static final Logger log = LoggerFactory.getLogger(RedisGatewayHealth.class);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final GatewaysProperties properties;
    private final Clock clock;

    RedisGatewayHealth(ReactiveStringRedisTemplate redis, JsonMapper json, GatewaysProperties properties, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Flux<GatewayStatus> region(String region) {
        return Flux.defer(() -> {
            String key = GatewayKeys.gateways(region);
            return redis.<String, String>opsForHash()
                    .entries(key)
                    .collectList()
                    .flatMapMany(fields -> sort(key, region, fields));
        });
    }

    private Flux<GatewayStatus> sort(String key, String region, List<Map.Entry<String, String>> fields) {
        Instant now = clock.instant();
        Instant forgotten = now.minus(properties.forgetAfter());
        var statuses = new ArrayList<GatewayStatus>();
        var gone = new ArrayList<Object>();
        for (var field : fields) {
            HealthReport report = read(region, field);
            if (report == null) {
                // Left for its gateway to overwrite, or for the gateways' own pruning.
                continue;
            }
            if (Instant.ofEpochMilli(report.at()).isBefore(forgotten)) {
                gone.add(field.getKey());
            } else {
                statuses.add(status(field.getKey(), region, report, now));
            }
        }
        statuses.sort(Comparator.comparing(GatewayStatus::instance));
        Mono<Long> forget = gone.isEmpty()
                ? Mono.empty()
                : redis.opsForHash()
                        .remove(key, gone.toArray())
                        .doOnNext(removed -> log.info("region {}: forgot {} gateways long gone", region, removed))
                        // Only tidying: the next read tries again.
                        .onErrorResume(e -> Mono.empty());
        return forget.thenMany(Flux.fromIterable(statuses));
    }

    private HealthReport read(String region, Map.Entry<String, String> field) {
        try {
            return json.readValue(field.getValue(), HealthReport.class);
        } catch (RuntimeException e) {
            log.debug(
                    "region {}: the health report of gateway {} is unreadable: {}",
                    region,
                    field.getKey(),
                    e.toString());
            return null;
        }
    }

    private GatewayStatus status(String instance, String region, HealthReport report, Instant now) {
        Instant seen = Instant.ofEpochMilli(report.at());
        boolean healthy = !seen.isBefore(now.minus(properties.seenWithin()))
                && report.loaded()
                && report.streamLagSeconds() < seconds(properties.maxStreamLag())
                && report.stalenessSeconds() < seconds(properties.maxStaleness());
        return new GatewayStatus(
                instance,
                region,
                seen,
                Instant.ofEpochMilli(report.startedAt()),
                report.streamLagSeconds(),
                report.snapshotAgeSeconds(),
                report.stalenessSeconds(),
                report.subscribers(),
                report.loaded(),
                healthy);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
