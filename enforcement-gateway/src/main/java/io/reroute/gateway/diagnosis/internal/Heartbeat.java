package io.reroute.gateway.diagnosis.internal;

import io.reroute.gateway.GatewayInstance;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.diagnosis.DiagnosisProperties;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.sync.RegionSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes this gateway's health to its region's hash every {@code heartbeatInterval}, so that staff
 * see every replica of the region without reaching any of them. The hash expires when no gateway
 * of the region wrote for {@code forgetAfter}; a gateway that died without removing its field is
 * pruned by the others (and by the platform when it reads). Redis being away only skips beats.
 */
@Component
class Heartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(2);

    private final RegionState state;
    private final RegionSync sync;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final DiagnosisProperties properties;
    private final String region;
    private final String instance;
    private final String key;
    private final Instant startedAt;
    private volatile Disposable beating;
    private volatile Instant prunedAt = Instant.EPOCH;
    private volatile boolean failing;

    Heartbeat(
            RegionState state,
            RegionSync sync,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            Clock clock,
            DiagnosisProperties properties,
            GatewayProperties gateway,
            GatewayInstance instance) {
        this.state = state;
        this.sync = sync;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.region = gateway.region();
        this.instance = instance.id();
        this.key = DiagnosisKeys.gateways(region);
        this.startedAt = clock.instant();
    }

    @Override
    public void start() {
        // Prune at the first beat: a gateway that starts may be replacing one that crashed.
        prunedAt = Instant.EPOCH;
        Duration interval = properties.heartbeatInterval();
        // Bounded elastic: a command may wait for a connection to Redis while it is away.
        beating = Flux.interval(Duration.ZERO, interval, Schedulers.boundedElastic())
                // A beat still waiting for Redis makes the next one redundant.
                .onBackpressureDrop()
                .concatMap(tick -> beat(), 1)
                .subscribe();
    }

    /** Writes the report now; prunes dead gateways' fields when that is due. */
    Mono<Void> beat() {
        return Mono.defer(() -> {
                    String report = json.writeValueAsString(report());
                    return redis.opsForHash()
                            .put(key, instance, report)
                            .then(redis.expire(key, properties.forgetAfter()))
                            .then(pruneWhenDue());
                })
                .doOnSuccess(done -> {
                    if (failing) {
                        failing = false;
                        log.info("region {} gateway {}: health reports reach Redis again", region, instance);
                    }
                })
                .onErrorResume(e -> {
                    if (!failing) {
                        failing = true;
                        log.warn(
                                "region {} gateway {}: health report not written, retrying every {}: {}",
                                region,
                                instance,
                                properties.heartbeatInterval(),
                                e.toString());
                    }
                    return Mono.empty();
                });
    }

    HealthReport report() {
        return new HealthReport(
                instance,
                region,
                clock.millis(),
                startedAt.toEpochMilli(),
                state.loaded(),
                state.subscriberCount(),
                seconds(sync.lag()),
                seconds(sync.snapshotAge()),
                seconds(sync.staleness()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private Mono<Void> pruneWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
            return Mono.empty();
        }
        prunedAt = now;
        long oldest = now.minus(properties.forgetAfter()).toEpochMilli();
        return redis.<String, String>opsForHash()
                .entries(key)
                .filter(field -> !instance.equals(field.getKey()) && reportedAt(field) < oldest)
                .map(Map.Entry::getKey)
                .collectList()
                .flatMap(dead -> dead.isEmpty()
                        ? Mono.<Void>empty()
                        : redis.opsForHash()
                                .remove(key, dead.toArray())
                                .doOnNext(removed -> log.info(
                                        "region {}: forgot {} gateways not heard of since {}",
                                        region,
                                        removed,
                                        Instant.ofEpochMilli(oldest)))
                                .then());
    }

    /**
     * When a field's report was written, read from {@code at} alone so that reports of newer
     * gateways, with more in them, are understood; a report without it counts as ancient.
     */
    private long reportedAt(Map.Entry<String, String> field) {
        try {
            var at = json.readTree(field.getValue()).get("at");
            return at != null && at.isNumber() ? at.longValue() : Long.MIN_VALUE;
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public void stop() {
        if (beating != null) {
            beating.dispose();
        }
        if (failing) {
            // Redis is away: waiting for it would only hold up the shutdown; the report ages out.
            return;
        }
        // Gone on purpose: say so at once rather than look like a gateway that stopped reporting.
        try {
            redis.opsForHash().remove(key, instance).block(REMOVE_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("region {} gateway {}: health report not removed at shutdown: {}", region, instance, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return beating != null && !beating.isDisposed();
    }
}
