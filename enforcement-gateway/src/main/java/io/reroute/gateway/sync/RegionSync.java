package io.reroute.gateway.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.PlatformClient;
import io.reroute.gateway.router.RouterJobRequested;
import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Router;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link RegionState} in step with the platform: loads the region snapshot, then tails the
 * region's Redis Stream from the snapshot's position, applying only newer versions. When the
 * platform or Redis is unreachable it keeps the last state and retries with backoff; when the
 * stream was trimmed past its position it loads a fresh snapshot. Workspace changes (landing
 * addresses, reminder host, allowlist) arrive on the stream too, and so do quota updates (a
 * subscriber's data left, applied to the record held, unversioned); a periodic fresh snapshot is
 * only a safety net, for workspaces that left the region.
 */
@Component
public class RegionSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegionSync.class);
    private static final Duration HEAD_POLL_INTERVAL = Duration.ofSeconds(5);

    private final RegionState state;
    private final ApplicationEventPublisher events;
    private final GatewayProperties gateway;
    private final SyncProperties properties;
    private final ReactiveStringRedisTemplate redis;
    private final WebClient platform;
    private final JsonMapper json;
    private final Clock clock;
    private final String streamKey;
    private volatile Instant lastContact;
    private volatile Instant snapshotAt;
    private volatile Disposable running;
    private volatile Disposable saving;
    private volatile Disposable watchingHead;
    /** The stream's newest entry id, as last seen; null until Redis answered once. */
    private volatile String streamHead;

    private final StateFile stateFile;
    private String savedPosition;
    private Instant savedSnapshotAt;

    RegionSync(
            RegionState state,
            GatewayProperties gateway,
            SyncProperties properties,
            ReactiveStringRedisTemplate redis,
            PlatformClient platform,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.state = state;
        this.events = events;
        this.gateway = gateway;
        this.properties = properties;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.streamKey = "reroute:region:" + gateway.region() + ":enforcement";
        this.platform = platform.web();
        this.stateFile = properties.stateDirectory() == null
                ? null
                : new StateFile(properties.stateDirectory(), gateway.region());
        Gauge.builder(
                        "reroute.gateway.state.staleness",
                        this,
                        s -> s.staleness().toMillis() / 1000.0)
                .description("seconds since the gateway last heard from the region stream")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("reroute.gateway.snapshot.age", this, s -> s.snapshotAge().toMillis() / 1000.0)
                .description("seconds since the region snapshot was loaded")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("reroute.gateway.stream.lag", this, s -> s.lag().toMillis() / 1000.0)
                .description("how far the applied stream position is behind the stream's newest entry")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("reroute.gateway.subscribers", state, RegionState::subscriberCount)
                .register(meters);
    }

    @Override
    public void start() {
        restore();
        if (stateFile != null) {
            saving = Flux.interval(properties.saveInterval(), properties.saveInterval(), Schedulers.boundedElastic())
                    .subscribe(tick -> save());
        }
        running = Flux.defer(this::cycle)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(properties.maxRetryDelay())
                        .doBeforeRetry(signal -> log.warn(
                                "region {} sync interrupted, keeping the last state and retrying: {}",
                                gateway.region(),
                                signal.failure().toString())))
                .subscribe();
        watchingHead = Flux.interval(Duration.ZERO, HEAD_POLL_INTERVAL, Schedulers.boundedElastic())
                // Ticks while Redis is slow to answer are skipped, not queued.
                .onBackpressureDrop()
                .flatMap(
                        tick -> redis.opsForStream()
                                .info(streamKey)
                                .map(info -> info.lastGeneratedId())
                                // No stream yet, or Redis away: staleness says the latter.
                                .onErrorResume(e -> Mono.empty()),
                        1)
                .subscribe(head -> streamHead = head);
    }

    @Override
    public void stop() {
        if (running != null) {
            running.dispose();
        }
        if (watchingHead != null) {
            watchingHead.dispose();
        }
        if (saving != null) {
            saving.dispose();
        }
        save();
    }

    /** Loads the saved state, if any: enforced at once, and the stream is tailed from its position. */
    private void restore() {
        if (stateFile == null) {
            return;
        }
        try {
            stateFile.read().ifPresent(saved -> {
                state.replace(saved.workspaces(), saved.subscribers(), saved.position(), saved.snapshotAt());
                snapshotAt = saved.snapshotAt();
                lastContact = saved.savedAt();
                savedPosition = saved.position();
                savedSnapshotAt = saved.snapshotAt();
                log.info(
                        "region {} state restored from {}: {} subscribers at stream position {}, saved {}",
                        gateway.region(),
                        stateFile.path(),
                        saved.subscribers().size(),
                        saved.position(),
                        saved.savedAt());
            });
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "region {} saved state in {} is not usable, loading a snapshot instead: {}",
                    gateway.region(),
                    stateFile.path(),
                    e.toString());
        }
    }

    /** Saves the state when it moved since the last save. */
    synchronized void save() {
        if (stateFile == null || !state.loaded()) {
            return;
        }
        // Position first: everything read after it is at least that new, and replaying from it changes nothing.
        String position = state.position();
        Instant snapshot = snapshotAt;
        if (position.equals(savedPosition) && snapshot.equals(savedSnapshotAt)) {
            return;
        }
        try {
            stateFile.write(position, snapshot, clock.instant(), state.workspaces(), state.subscribers());
            savedPosition = position;
            savedSnapshotAt = snapshot;
        } catch (IOException | RuntimeException e) {
            log.warn("region {} state could not be saved to {}: {}", gateway.region(), stateFile.path(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    /** Time since the stream last answered; since start when it never did. */
    public Duration staleness() {
        Instant contact = lastContact;
        return contact == null ? Duration.ZERO : Duration.between(contact, clock.instant());
    }

    /**
     * How far behind the stream's newest entry the applied position is, by the times in their ids;
     * zero when caught up or before Redis was reached.
     */
    public Duration lag() {
        String head = streamHead;
        String position = state.position();
        if (head == null || position == null) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, millis(head) - millis(position)));
    }

    private static long millis(String streamId) {
        return Long.parseLong(streamId.substring(0, streamId.indexOf('-')));
    }

    public Duration snapshotAge() {
        Instant at = snapshotAt;
        return at == null ? Duration.ZERO : Duration.between(at, clock.instant());
    }

    /** A snapshot when needed, then reads until the next snapshot is due; repeats forever. */
    private Flux<Void> cycle() {
        return Mono.defer(() -> needsSnapshot().flatMap(needed -> needed ? loadSnapshot() : Mono.empty()))
                .thenMany(Flux.defer(this::readOnce).repeat(() -> !snapshotDue()))
                .repeat();
    }

    private Mono<Boolean> needsSnapshot() {
        if (!state.loaded() || snapshotDue()) {
            return Mono.just(true);
        }
        // Entries between our position and the oldest one left were trimmed: the stream cannot fill the gap.
        return redis.opsForStream()
                .range(streamKey, Range.unbounded(), Limit.limit().count(1))
                .next()
                .map(first -> compare(first.getId().getValue(), state.position()) > 0
                        && !state.position().equals("0-0"))
                .defaultIfEmpty(false);
    }

    private boolean snapshotDue() {
        Instant at = snapshotAt;
        return at == null || !at.plus(properties.resnapshotInterval()).isAfter(clock.instant());
    }

    private Mono<Void> loadSnapshot() {
        var workspaces = new ArrayList<Workspace>();
        var subscribers = new ArrayList<Subscriber>();
        var header = new String[1];
        return platform.get()
                .uri("/internal/regions/{region}/snapshot", gateway.region())
                .accept(MediaType.APPLICATION_NDJSON)
                .retrieve()
                .bodyToFlux(SnapshotLine.class)
                .doOnNext(line -> {
                    switch (line.type()) {
                        case "snapshot" -> header[0] = line.position();
                        case "workspace" -> workspaces.add(workspace(line.workspace()));
                        case "subscriber" -> subscribers.add(line.subscriber());
                        case "end" -> {
                            if (header[0] == null
                                    || line.subscribers() == null
                                    || line.subscribers() != subscribers.size()) {
                                throw new IllegalStateException("the snapshot is inconsistent");
                            }
                            Instant now = clock.instant();
                            state.replace(workspaces, subscribers, header[0], now);
                            snapshotAt = now;
                            lastContact = now;
                            log.info(
                                    "region {} snapshot loaded: {} workspaces, {} subscribers, stream position {}",
                                    gateway.region(),
                                    workspaces.size(),
                                    subscribers.size(),
                                    header[0]);
                        }
                        default -> {
                            // Newer platforms may add line types; ignore what we do not know.
                        }
                    }
                })
                .then(Mono.defer(() -> snapshotAt != null && state.loaded()
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("the snapshot ended without its end line"))));
    }

    /** One blocking read of new entries, applied in order. */
    private Flux<Void> readOnce() {
        var options = StreamReadOptions.empty().block(properties.readBlock()).count(properties.readCount());
        return redis.opsForStream()
                .read(options, StreamOffset.create(streamKey, ReadOffset.from(state.position())))
                .doOnNext(this::apply)
                .doOnComplete(() -> {
                    lastContact = clock.instant();
                    log.debug("region {} stream read done at {}", gateway.region(), state.position());
                })
                .thenMany(Flux.empty());
    }

    private void apply(MapRecord<String, Object, Object> entry) {
        Map<Object, Object> fields = entry.getValue();
        Object type = fields.get("type");
        if ("subscriber.state-changed".equals(type) || "subscriber.profile-changed".equals(type)) {
            var event = json.readValue(fields.get("event").toString(), SnapshotLine.StateChanged.class);
            state.apply(event.subscriber()).ifPresent(events::publishEvent);
        } else if ("subscriber.quota".equals(type)) {
            // No SubscriberChanged: data left changes nothing on open sessions, and comes thousands a second.
            var event = json.readValue(fields.get("event").toString(), SnapshotLine.QuotaChanged.class);
            state.applyQuota(event.workspaceId(), event.subscriberId(), event.dataRemaining());
        } else if ("workspace.changed".equals(type)) {
            // A workspace's events come in the order of its changes, each with the whole view.
            var event = json.readValue(fields.get("event").toString(), SnapshotLine.WorkspaceChanged.class);
            state.apply(workspace(event.workspace()));
        } else if (RouterJobRequested.TYPE.equals(type)) {
            events.publishEvent(json.readValue(fields.get("event").toString(), RouterJobRequested.class));
        }
        state.advance(entry.getId().getValue());
    }

    private static Workspace workspace(SnapshotLine.WorkspaceLine w) {
        var nasClients = new ArrayList<NasClient>();
        if (w.nasClients() != null) {
            for (var nas : w.nasClients()) {
                InetAddress address = address(nas.address());
                if (address == null) {
                    log.warn("NAS client {} of workspace {} has no usable address", nas.id(), w.workspaceId());
                    continue;
                }
                nasClients.add(new NasClient(
                        nas.id(),
                        w.workspaceId(),
                        nas.name(),
                        address,
                        nas.sealedSecret(),
                        nas.coaPort(),
                        nas.vendor(),
                        nas.requireMessageAuthenticator()));
            }
        }
        var routers = new ArrayList<Router>();
        if (w.routers() != null) {
            for (var r : w.routers()) {
                routers.add(new Router(
                        r.id(),
                        w.workspaceId(),
                        r.name(),
                        r.host(),
                        r.port(),
                        r.tls(),
                        r.username(),
                        r.sealedPassword(),
                        r.role(),
                        r.nasId()));
            }
        }
        return new Workspace(
                w.workspaceId(),
                w.reminderHost(),
                address(w.landingIpv4()),
                address(w.landingIpv6()),
                Allowlist.of(w.allowlist()),
                w.radius(),
                nasClients,
                routers);
    }

    private static InetAddress address(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Orders stream ids ({@code millis-sequence}). */
    static int compare(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }
}
