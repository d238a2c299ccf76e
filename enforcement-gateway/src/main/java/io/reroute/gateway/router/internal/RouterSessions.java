package io.reroute.gateway.router.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.router.RouterProperties;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Router;
import io.reroute.gateway.sync.SyncProperties;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * RouterOS API sessions keyed by (workspace, router): opened on first use, reused, checked with a
 * cheap command when they sat idle, reopened when the router's settings changed or the connection
 * broke, and closed when idle or when the router left the workspace. Never shared across
 * workspaces; one call at a time per session; every call runs on the bounded elastic scheduler,
 * never on an event loop.
 */
@Component
class RouterSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RouterSessions.class);

    /** Work done with a session; may block. */
    @FunctionalInterface
    interface Call<T> {
        T run(RouterOsClient client) throws RouterOsException;
    }

    private record Key(UUID workspace, UUID router) {}

    private static final class Session {
        final ReentrantLock lock = new ReentrantLock();
        Router openedFor;
        RouterOsClient client;
        Instant lastUsed = Instant.EPOCH;

        boolean usableFor(Router router) {
            return client != null && client.connected() && Objects.equals(openedFor, router);
        }

        void close() {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private final Map<Key, Session> sessions = new ConcurrentHashMap<>();
    private final RegionState state;
    private final RouterProperties properties;
    private final RegionSeal seal;
    private final Clock clock;

    RouterSessions(
            RegionState state,
            RouterProperties properties,
            GatewayProperties gateway,
            SyncProperties sync,
            MeterRegistry meters,
            Clock clock) {
        this.state = state;
        this.properties = properties;
        this.seal = sync.regionSeal(gateway.region()).orElse(null);
        this.clock = clock;
        Gauge.builder("reroute.gateway.router.sessions", sessions, s -> s.values().stream()
                        .filter(session -> session.client != null)
                        .count())
                .description("open RouterOS API sessions")
                .register(meters);
    }

    /** Runs {@code call} with the router's session, off the event loop. */
    <T> Mono<T> call(Router router, Call<T> call) {
        return Mono.fromCallable(() -> callBlocking(router, call)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Runs {@code call} with the router's session, on the calling thread, which may block. A
     * session that turns out broken is reopened once and the call repeated (calls are idempotent
     * reads or changes keyed by marker).
     */
    <T> T callBlocking(Router router, Call<T> call) throws RouterOsException {
        Session session = sessions.computeIfAbsent(new Key(router.workspaceId(), router.id()), k -> new Session());
        session.lock.lock();
        try {
            boolean reused = ready(session, router);
            try {
                return call.run(session.client);
            } catch (RouterOsException e) {
                if (!e.broken()) {
                    throw e;
                }
                session.close();
                if (!reused) {
                    throw e;
                }
                log.info("API session to {} broke ({}); reconnecting", router, e.getMessage());
                ready(session, router);
                return call.run(session.client);
            }
        } finally {
            session.lastUsed = clock.instant();
            session.lock.unlock();
        }
    }

    /** Makes the session usable for {@code router}; true when it reused an open connection. */
    private boolean ready(Session session, Router router) throws RouterOsException {
        if (session.usableFor(router)) {
            if (Duration.between(session.lastUsed, clock.instant()).compareTo(properties.healthCheckAfter()) < 0) {
                return true;
            }
            try {
                session.client.describe();
                return true;
            } catch (RouterOsException e) {
                log.info("API session to {} failed its check ({}); reconnecting", router, e.getMessage());
            }
        }
        session.close();
        session.client = RouterOsClient.open(
                router.host(),
                router.port(),
                router.tls(),
                router.username(),
                password(router),
                properties.connectTimeout(),
                properties.commandTimeout());
        session.openedFor = router;
        return false;
    }

    private String password(Router router) throws RouterOsException {
        if (seal == null) {
            throw new RouterOsException(
                    "no gateway secret (REROUTE_GATEWAY_SECRET) to open router passwords with", false);
        }
        try {
            return seal.open(router.sealedPassword(), SealContexts.routerPassword(router.workspaceId(), router.id()));
        } catch (RegionSeal.SealException e) {
            throw new RouterOsException("the router's password does not open in this region", false);
        }
    }

    /** Closes sessions idle too long and those of routers no longer in their workspace. */
    void closeIdle() {
        Instant idleSince = clock.instant().minus(properties.idleTimeout());
        sessions.forEach((key, session) -> {
            boolean gone = state.workspace(key.workspace())
                    .map(w -> w.routers().stream().noneMatch(r -> r.id().equals(key.router())))
                    .orElse(true);
            if ((gone || session.lastUsed.isBefore(idleSince)) && session.lock.tryLock()) {
                try {
                    session.close();
                    sessions.remove(key, session);
                } finally {
                    session.lock.unlock();
                }
            }
        });
    }

    @Override
    public void destroy() {
        sessions.values().forEach(Session::close);
        sessions.clear();
    }
}
