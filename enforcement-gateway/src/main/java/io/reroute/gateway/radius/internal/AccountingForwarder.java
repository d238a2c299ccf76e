package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.PlatformReports;
import io.reroute.gateway.radius.RadiusSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Forwards session updates, live-enforcement attempts and other features' reports to the platform through the region's accounting stream ({@code
 * reroute:region:<region>:accounting}), which the platform reads with a consumer group. Each entry
 * carries the session's whole standing (counters so far, open or stopped), so the platform can
 * apply entries twice or out of order and end with the same totals. The event loop only queues
 * (bounded: when Redis is away long enough to fill it, new updates are dropped and counted; a
 * later update of the same session carries its totals); one thread appends in batches.
 */
@Component
class AccountingForwarder implements SmartLifecycle, PlatformReports {

    private static final Logger log = LoggerFactory.getLogger(AccountingForwarder.class);
    private static final int CAPACITY = 200_000;
    private static final int BATCH = 500;
    private static final long MAX_STREAM_LENGTH = 2_000_000;

    private final ReactiveStringRedisTemplate redis;
    private final String stream;
    private final BlockingQueue<Map<String, String>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Counter dropped;
    private final Counter forwarded;
    private volatile Thread worker;
    private volatile boolean stopping;

    AccountingForwarder(ReactiveStringRedisTemplate redis, GatewayProperties gateway, MeterRegistry meters) {
        this.redis = redis;
        this.stream = key(gateway.region());
        this.dropped = Counter.builder("reroute.gateway.accounting.dropped")
                .description("session updates not forwarded because the queue to Redis was full")
                .register(meters);
        this.forwarded = Counter.builder("reroute.gateway.accounting.forwarded")
                .description("session updates appended to the region's accounting stream")
                .register(meters);
        Gauge.builder("reroute.gateway.accounting.queued", queue, BlockingQueue::size)
                .register(meters);
    }

    static String key(String region) {
        return "reroute:region:" + region + ":accounting";
    }

    void session(RadiusSession s) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "session");
        fields.put("workspace", s.workspaceId().toString());
        fields.put("nas", s.nasId().toString());
        fields.put("session", s.sessionId());
        fields.put(
                "subscriber", s.subscriberId() == null ? "" : s.subscriberId().toString());
        fields.put("username", s.username() == null ? "" : s.username());
        fields.put("framedIpv4", s.framedIpv4() == null ? "" : s.framedIpv4());
        fields.put("startedAt", Long.toString(s.startedAt().toEpochMilli()));
        fields.put("at", Long.toString(s.updatedAt().toEpochMilli()));
        fields.put("input", Long.toString(s.inputOctets()));
        fields.put("output", Long.toString(s.outputOctets()));
        fields.put("seconds", Long.toString(s.sessionSeconds()));
        fields.put(
                "stoppedAt",
                s.stoppedAt() == null ? "" : Long.toString(s.stoppedAt().toEpochMilli()));
        fields.put("cause", s.terminateCause() == null ? "" : s.terminateCause());
        offer(fields);
    }

    /** Accounting-On/Off: the NAS lost every session that started before {@code at}. */
    void nasRestarted(UUID workspace, UUID nas, Instant at, String cause) {
        offer(Map.of(
                "type",
                "nas-restarted",
                "workspace",
                workspace.toString(),
                "nas",
                nas.toString(),
                "at",
                Long.toString(at.toEpochMilli()),
                "cause",
                cause));
    }

    /** A step of live enforcement, for the subscriber's enforcement history on the platform. */
    void enforcement(EnforcementAttempt a) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "enforcement");
        fields.put("id", a.id().toString());
        fields.put("workspace", a.workspaceId().toString());
        fields.put("subscriber", a.subscriberId().toString());
        fields.put("version", Long.toString(a.version()));
        fields.put("change", a.change());
        fields.put("nas", a.nasId().toString());
        fields.put("session", a.sessionId());
        fields.put("action", a.action());
        fields.put("outcome", a.outcome());
        fields.put("errorCause", a.errorCause() == null ? "" : a.errorCause().toString());
        fields.put("attempts", Integer.toString(a.attempts()));
        fields.put("at", Long.toString(a.at().toEpochMilli()));
        offer(fields);
    }

    @Override
    public void report(Map<String, String> entry) {
        offer(entry);
    }

    private void offer(Map<String, String> fields) {
        if (!queue.offer(fields)) {
            dropped.increment();
        }
    }

    @Override
    public void start() {
        stopping = false;
        var thread = Thread.ofPlatform().daemon().name("accounting-forwarder").unstarted(this::run);
        worker = thread;
        thread.start();
    }

    private void run() {
        var batch = new ArrayList<Map<String, String>>(BATCH);
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                if (batch.isEmpty()) {
                    var first = queue.poll(stopping ? 0 : 1, TimeUnit.SECONDS);
                    if (first == null) {
                        if (stopping) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                append(batch);
                forwarded.increment(batch.size());
                batch.clear();
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // Redis away: keep the batch and try again, waiting longer each time (at most 10 s).
                log.warn("Accounting stream {} unavailable, retrying in {}: {}", stream, backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Appends a batch, pipelined, in order, each append trimming the stream to about its bound. */
    private void append(List<Map<String, String>> batch) {
        var trimmed = XAddOptions.maxlen(MAX_STREAM_LENGTH).approximateTrimming(true);
        Flux.fromIterable(batch)
                .flatMapSequential(
                        fields -> redis.opsForStream()
                                .add(StreamRecords.string(fields).withStreamKey(stream), trimmed),
                        64)
                .then()
                .block(Duration.ofSeconds(10));
    }

    /** Lets the worker append what is queued (for up to five seconds), then stops it. */
    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        stopping = true;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        // Stops after the RADIUS server, so updates it queued while stopping still go out.
        return Integer.MAX_VALUE - 100;
    }
}
