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
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards session updates, live-enforcement attempts and other features' reports to the platform
 * through the region's accounting stream ({@code reroute:region:<region>:accounting}), which the
 * platform reads with a consumer group. Each session update carries the session's whole standing
 * (counters so far, open or stopped), so the platform can apply updates twice or out of order and
 * end with the same totals. The event loop only queues; one thread appends what gathered (waiting
 * {@link #LINGER} when little did), session updates {@link #SESSIONS_PER_ENTRY} to a {@code
 * sessions} entry (one JSON object per line), since one Redis command per update cost more than
 * answering the request (bench/radius). The queue is bounded: when it is full (Redis away, or slower than the NAS
 * clients) a session update is refused, and the Accounting-Request goes unanswered so that the NAS
 * sends it again (RFC 2866 §2); other reports are dropped and counted.
 */
@Component
class AccountingForwarder implements SmartLifecycle, PlatformReports {

    private static final Logger log = LoggerFactory.getLogger(AccountingForwarder.class);
    /** A few seconds of a busy region's accounting: the NAS clients hold the rest until it drains. */
    private static final int CAPACITY = 100_000;

    private static final int BATCH = 5_000;
    private static final int SESSIONS_PER_ENTRY = 50;
    private static final Duration LINGER = Duration.ofMillis(50);
    /** About 100,000 entries: hours of updates at a busy region's pace while the platform is away. */
    private static final long MAX_STREAM_LENGTH = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveStringRedisTemplate redis;
    private final String stream;
    /** Session standings ({@link RadiusSession}, written out by the worker) and reports (entry fields). */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);

    private final Counter dropped;
    private final Counter forwarded;
    private volatile Thread worker;
    private volatile boolean stopping;

    AccountingForwarder(ReactiveStringRedisTemplate redis, GatewayProperties gateway, MeterRegistry meters) {
        this.redis = redis;
        this.stream = key(gateway.region());
        this.dropped = Counter.builder("reroute.gateway.accounting.dropped")
                .description("reports not queued for the accounting stream because the queue to Redis was full")
                .register(meters);
        this.forwarded = Counter.builder("reroute.gateway.accounting.forwarded")
                .description("session updates and reports appended to the region's accounting stream")
                .register(meters);
        Gauge.builder("reroute.gateway.accounting.queued", queue, BlockingQueue::size)
                .register(meters);
    }

    static String key(String region) {
        return "reroute:region:" + region + ":accounting";
    }

    /** Queues a session's standing; false when the queue is full and it was not taken. */
    boolean session(RadiusSession s) {
        return offer(s);
    }

    /** A session update's fields, as a line of a {@code sessions} entry. */
    private static Map<String, String> fields(RadiusSession s) {
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
        return fields;
    }

    /** Accounting-On/Off: the NAS lost every session that started before {@code at}; false when not queued. */
    boolean nasRestarted(UUID workspace, UUID nas, Instant at, String cause) {
        return offer(Map.of(
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

    private boolean offer(Object item) {
        if (queue.offer(item)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    @Override
    public void start() {
        stopping = false;
        var thread = Thread.ofPlatform().daemon().name("accounting-forwarder").unstarted(this::run);
        worker = thread;
        thread.start();
    }

    private void run() {
        var batch = new ArrayList<>(BATCH);
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
                    if (batch.size() < SESSIONS_PER_ENTRY && !stopping) {
                        // A quiet moment: lets a few more gather, for fewer entries of one update each.
                        Thread.sleep(LINGER);
                        queue.drainTo(batch, BATCH - batch.size());
                    }
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

    /**
     * Appends a batch, pipelined and in order: runs of session updates as {@code sessions} entries,
     * other reports as they are; each append trims the stream to about its bound.
     */
    @SuppressWarnings("unchecked")
    private void append(List<Object> batch) {
        var entries = new ArrayList<Map<String, String>>();
        var updates = new StringBuilder();
        int count = 0;
        for (Object item : batch) {
            if (!(item instanceof RadiusSession session)) {
                if (count > 0) {
                    entries.add(sessions(updates));
                    count = 0;
                }
                entries.add((Map<String, String>) item);
                continue;
            }
            updates.append(count == 0 ? "" : "\n").append(JSON.writeValueAsString(fields(session)));
            if (++count == SESSIONS_PER_ENTRY) {
                entries.add(sessions(updates));
                count = 0;
            }
        }
        if (count > 0) {
            entries.add(sessions(updates));
        }
        var trimmed = XAddOptions.maxlen(MAX_STREAM_LENGTH).approximateTrimming(true);
        Flux.fromIterable(entries)
                .flatMapSequential(
                        fields -> redis.opsForStream()
                                .add(StreamRecords.string(fields).withStreamKey(stream), trimmed),
                        64)
                .then()
                .block(Duration.ofSeconds(10));
    }

    /** A {@code sessions} entry of the updates gathered, which it takes out of {@code updates}. */
    private static Map<String, String> sessions(StringBuilder updates) {
        var entry = Map.of("type", "sessions", "updates", updates.toString());
        updates.setLength(0);
        return entry;
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
