package io.reroute.platform.session.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reroute.platform.security.InternalClientsProperties;
import io.reroute.platform.session.AccountingStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads each region's accounting stream (the regions that have gateway credentials) as one
 * consumer of the group {@link AccountingStream#GROUP}, so that platform replicas share the entries.
 * An entry is acknowledged only after its workspace's transaction committed: a replica that dies
 * between the two leaves it pending, and another replica claims it once it has been idle for {@code
 * claimIdle}; applying it twice changes nothing. One thread per region, because reads block.
 */
@Component
public class AccountingConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountingConsumer.class);
    private static final Duration FORGET_CONSUMERS_AFTER = Duration.ofHours(1);

    private final ReactiveStringRedisTemplate redis;
    private final AccountingEntries entries;
    private final AccountingProperties properties;
    private final List<String> regions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String name = consumerName();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    AccountingConsumer(
            ReactiveStringRedisTemplate redis,
            AccountingEntries entries,
            AccountingProperties properties,
            InternalClientsProperties clients,
            Clock clock,
            MeterRegistry meters) {
        this.redis = redis;
        this.entries = entries;
        this.properties = properties;
        this.regions = List.copyOf(clients.gatewaySecrets().keySet());
        this.clock = clock;
        this.meters = meters;
    }

    private static String consumerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "platform");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Applies what the group has for this replica in the region's stream: first entries delivered to
     * it earlier and not yet acknowledged, then new ones, up to one batch each; returns how many
     * entries it took. Waits up to {@code block} for new entries when there are none.
     */
    public int consume(String region, Duration block) {
        String key = AccountingStream.key(region);
        createGroup(key);
        int taken = take(region, key, read(key, ReadOffset.from("0"), null));
        return taken > 0 ? taken : take(region, key, read(key, ReadOffset.lastConsumed(), block));
    }

    /**
     * Takes over entries another consumer left unacknowledged for at least {@code minIdle}, applies
     * and acknowledges them; forgets consumers idle for an hour with nothing pending. Returns how many
     * entries it took.
     */
    public int claimAbandoned(String region, Duration minIdle) {
        String key = AccountingStream.key(region);
        createGroup(key);
        var pending = redis.opsForStream()
                .pending(key, AccountingStream.GROUP, Range.unbounded(), properties.batchSize())
                .block();
        RecordId[] ids = pending == null
                ? new RecordId[0]
                : pending.stream()
                        .filter(m -> !m.getConsumerName().equals(name))
                        .filter(m -> m.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0)
                        .map(PendingMessage::getId)
                        .toArray(RecordId[]::new);
        int taken = 0;
        if (ids.length > 0) {
            var claimed = redis.opsForStream()
                    .claim(
                            key,
                            AccountingStream.GROUP,
                            name,
                            XClaimOptions.minIdle(minIdle).ids(ids))
                    .collectList()
                    .block();
            taken = take(region, key, claimed);
            if (taken > 0) {
                log.info("Took over {} accounting entries of region {} from a consumer gone silent", taken, region);
            }
        }
        redis.opsForStream()
                .consumers(key, AccountingStream.GROUP)
                .filter(c -> !c.consumerName().equals(name)
                        && c.pendingCount() == 0
                        && c.idleTimeMs() > FORGET_CONSUMERS_AFTER.toMillis())
                .concatMap(c -> redis.opsForStream()
                        .deleteConsumer(key, Consumer.from(AccountingStream.GROUP, c.consumerName())))
                .blockLast();
        return taken;
    }

    private List<MapRecord<String, Object, Object>> read(String key, ReadOffset offset, Duration block) {
        var options = StreamReadOptions.empty().count(properties.batchSize());
        if (block != null) {
            options = options.block(block);
        }
        return redis.opsForStream()
                .read(Consumer.from(AccountingStream.GROUP, name), options, StreamOffset.create(key, offset))
                .collectList()
                .block();
    }

    /** Applies the records and acknowledges them once applied; returns how many. */
    private int take(String region, String key, List<MapRecord<String, Object, Object>> records) {
        if (records == null || records.isEmpty()) {
            return 0;
        }
        var fields = new ArrayList<Map<String, String>>(records.size());
        for (var record : records) {
            var map = new LinkedHashMap<String, String>();
            // A pending entry trimmed from the stream comes back without fields: nothing to apply.
            if (record.getValue() != null) {
                record.getValue().forEach((k, v) -> map.put(k.toString(), v.toString()));
                fields.add(map);
            }
        }
        entries.apply(region, fields).block();
        redis.opsForStream()
                .acknowledge(
                        key,
                        AccountingStream.GROUP,
                        records.stream().map(MapRecord::getId).toArray(RecordId[]::new))
                .block();
        Timer delay = meters.timer("reroute.accounting.delay", "region", region);
        long now = clock.millis();
        records.forEach(
                r -> delay.record(Duration.ofMillis(Math.max(0, now - r.getId().getTimestamp()))));
        return records.size();
    }

    /**
     * Creates the group (and the stream) unless it exists, from the stream's start so that nothing
     * is missed; once per stream, and again after Redis lost it.
     */
    private void createGroup(String key) {
        if (groups.contains(key)) {
            return;
        }
        redis.execute(connection -> connection
                        .streamCommands()
                        .xGroupCreate(
                                ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)),
                                AccountingStream.GROUP,
                                ReadOffset.from("0"),
                                true)
                        .onErrorResume(e -> causedBy(e, "BUSYGROUP"), e -> Mono.just("exists")))
                .blockLast();
        groups.add(key);
    }

    private static boolean causedBy(Throwable error, String redisError) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (String.valueOf(e.getMessage()).startsWith(redisError)) {
                return true;
            }
        }
        return false;
    }

    private void run(String region) {
        Duration backoff = Duration.ofMillis(200);
        Instant nextClaim = Instant.EPOCH;
        while (running) {
            try {
                if (!clock.instant().isBefore(nextClaim)) {
                    claimAbandoned(region, properties.claimIdle());
                    nextClaim = clock.instant().plus(properties.claimIdle().dividedBy(2));
                }
                consume(region, properties.readBlock());
                backoff = Duration.ofMillis(200);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // Nothing acknowledged: the entries come back on the next read of what is pending.
                if (causedBy(e, "NOGROUP")) {
                    groups.clear();
                }
                log.warn("Accounting of region {} failed, retrying in {}: {}", region, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.consumerEnabled() || running) {
            return;
        }
        running = true;
        for (String region : regions) {
            var thread =
                    Thread.ofPlatform().daemon().name("accounting-" + region).unstarted(() -> run(region));
            threads.add(thread);
            thread.start();
        }
        log.info("Reading the accounting streams of regions {} as consumer {}", regions, name);
    }

    /** Lets each region finish the batch in hand (a read blocks at most {@code readBlock}). */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(properties.readBlock().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the connection factories it reads and writes through.
        return Integer.MAX_VALUE - 100;
    }
}
