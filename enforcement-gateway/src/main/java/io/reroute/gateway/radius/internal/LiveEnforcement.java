package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.radius.SessionFallback;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.SubscriberChanged;
import io.reroute.gateway.state.Workspace;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings a subscriber's open sessions in line with a new standing at once, not at the next login.
 * Restricting: a CoA-Request into the expired profile (address list and slow rate); if the NAS
 * says NAK, or nothing after the retries, a Disconnect-Request, so that the subscriber logs in again
 * into the expired profile. Restoring: a Disconnect-Request first, because RouterOS cannot take a
 * session off an address list RADIUS put it on by CoA; the subscriber's router dials again at once
 * and is accepted with the plan. A plan's new rate: CoA. A NAK with Error-Cause 503 means the
 * session is gone, which is success. When every RADIUS step failed the RouterOS API of the router
 * that is the session's NAS is the last resort. Every step is reported to the platform.
 */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.radius.enabled", matchIfMissing = true)
class LiveEnforcement {

    private static final Logger log = LoggerFactory.getLogger(LiveEnforcement.class);

    enum Change {
        RESTRICT,
        RESTORE,
        RATE
    }

    private final RegionState state;
    private final AccountingSessions sessions;
    private final RadiusSecrets secrets;
    private final DynamicAuthorizationClient client;
    private final AccountingForwarder forwarder;
    private final ObjectProvider<SessionFallback> fallbacks;
    private final AccessPolicy policy = new AccessPolicy();
    private final MeterRegistry meters;
    private final Clock clock;

    LiveEnforcement(
            RegionState state,
            AccountingSessions sessions,
            RadiusSecrets secrets,
            DynamicAuthorizationClient client,
            AccountingForwarder forwarder,
            ObjectProvider<SessionFallback> fallbacks,
            MeterRegistry meters,
            Clock clock) {
        this.state = state;
        this.sessions = sessions;
        this.secrets = secrets;
        this.client = client;
        this.forwarder = forwarder;
        this.fallbacks = fallbacks;
        this.meters = meters;
        this.clock = clock;
    }

    /** What a change of record means for open sessions; empty when nothing on the NAS changes. */
    static Optional<Change> classify(Subscriber previous, Subscriber current) {
        if (previous.redirected() != current.redirected()) {
            return Optional.of(current.redirected() ? Change.RESTRICT : Change.RESTORE);
        }
        if (!current.redirected() && !Objects.equals(previous.rateLimit(), current.rateLimit())) {
            return Optional.of(Change.RATE);
        }
        return Optional.empty();
    }

    @EventListener
    void on(SubscriberChanged change) {
        Subscriber subscriber = change.current();
        classify(change.previous(), subscriber).ifPresent(kind -> {
            for (RadiusSession session : sessions.open(subscriber.workspaceId(), subscriber.subscriberId())) {
                enforce(kind, subscriber, session);
            }
        });
    }

    /** Runs the steps for one session; completes when a step succeeded or all were tried. */
    CompletableFuture<Void> enforce(Change kind, Subscriber subscriber, RadiusSession session) {
        long started = System.nanoTime();
        Optional<Workspace> workspace = state.workspace(session.workspaceId());
        Optional<NasClient> nas = workspace.flatMap(w -> w.nasClients().stream()
                .filter(n -> n.id().equals(session.nasId()))
                .findFirst());
        if (nas.isEmpty()) {
            // The NAS was removed from the workspace: it may no longer be told anything.
            report(kind, subscriber, session, "COA", "UNAVAILABLE", null, 0);
            return lastResort(kind, subscriber, session);
        }
        Optional<String> secret = secrets.nasSecret(nas.get());
        if (secret.isEmpty()) {
            report(kind, subscriber, session, "COA", "NO_SECRET", null, 0);
            return lastResort(kind, subscriber, session);
        }
        RadiusProfile profile = workspace.get().radius();
        var endpoint = new InetSocketAddress(nas.get().address(), nas.get().coaPort());
        boolean coaFirst = kind != Change.RESTORE;
        CompletableFuture<Boolean> done = coaFirst
                ? step(
                        kind,
                        subscriber,
                        session,
                        endpoint,
                        secret.get(),
                        DynamicAuthorizationClient.COA_REQUEST,
                        policy.change(nas.get(), profile, subscriber, session))
                : CompletableFuture.completedFuture(false);
        return done.thenCompose(ok -> ok
                        ? CompletableFuture.completedFuture(true)
                        : step(
                                kind,
                                subscriber,
                                session,
                                endpoint,
                                secret.get(),
                                DynamicAuthorizationClient.DISCONNECT_REQUEST,
                                policy.session(session)))
                .thenCompose(ok -> {
                    if (ok) {
                        meters.timer(
                                        "reroute.gateway.coa.enforced",
                                        "change",
                                        kind.name(),
                                        "workspace",
                                        subscriber.workspaceId().toString())
                                .record(Duration.ofNanos(System.nanoTime() - started));
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return lastResort(kind, subscriber, session);
                })
                .exceptionally(e -> {
                    log.warn(
                            "Enforcing {} on session {} of {} failed: {}",
                            kind,
                            session.sessionId(),
                            subscriber,
                            e.toString());
                    return null;
                });
    }

    /** One request; true when it settled the session (ACK, or the NAS no longer has it). */
    private CompletableFuture<Boolean> step(
            Change kind,
            Subscriber subscriber,
            RadiusSession session,
            InetSocketAddress endpoint,
            String secret,
            int code,
            List<byte[]> attributes) {
        String action = code == DynamicAuthorizationClient.COA_REQUEST ? "COA" : "DISCONNECT";
        return client.send(endpoint, secret, code, attributes).thenApply(reply -> {
            String outcome = reply.acknowledged()
                    ? "ACK"
                    : reply.sessionGone() ? "SESSION_GONE" : reply.answered() ? "NAK" : "TIMEOUT";
            report(kind, subscriber, session, action, outcome, reply.errorCause(), reply.attempts());
            if (reply.sessionGone()) {
                sessions.close(session.nasId(), session.sessionId(), clock.instant(), "Session-Context-Not-Found")
                        .ifPresent(forwarder::session);
            }
            return reply.acknowledged() || reply.sessionGone();
        });
    }

    /** The RouterOS API of the router that is the session's NAS, when RADIUS could not do it. */
    private CompletableFuture<Void> lastResort(Change kind, Subscriber subscriber, RadiusSession session) {
        SessionFallback fallback = fallbacks.getIfAvailable();
        CompletableFuture<String> step = fallback == null
                ? CompletableFuture.completedFuture("UNAVAILABLE")
                : fallback.enforce(session, kind == Change.RESTRICT);
        return step.thenAccept(outcome -> {
            report(kind, subscriber, session, "ROUTER_API", outcome, null, "UNAVAILABLE".equals(outcome) ? 0 : 1);
            if (!"ACK".equals(outcome)) {
                log.warn(
                        "Could not {} session {} of {}: no step succeeded",
                        kind.name().toLowerCase(java.util.Locale.ROOT),
                        session.sessionId(),
                        subscriber);
            }
        });
    }

    private void report(
            Change kind,
            Subscriber subscriber,
            RadiusSession session,
            String action,
            String outcome,
            Integer errorCause,
            int attempts) {
        meters.counter(
                        "reroute.gateway.coa.requests",
                        "action",
                        action,
                        "outcome",
                        outcome,
                        "workspace",
                        subscriber.workspaceId().toString())
                .increment();
        forwarder.enforcement(new EnforcementAttempt(
                UUID.randomUUID(),
                subscriber.workspaceId(),
                subscriber.subscriberId(),
                subscriber.version(),
                kind.name(),
                session.nasId(),
                session.sessionId(),
                action,
                outcome,
                errorCause,
                attempts,
                clock.instant()));
    }
}
