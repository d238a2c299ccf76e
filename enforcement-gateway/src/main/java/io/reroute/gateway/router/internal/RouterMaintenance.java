package io.reroute.gateway.router.internal;

import io.reroute.gateway.router.RouterProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The periodic work on routers: reconciling each one, and closing idle API sessions. */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.routers.enabled", matchIfMissing = true)
class RouterMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouterMaintenance.class);
    private static final Duration IDLE_SWEEP = Duration.ofSeconds(30);

    private final RouterJobs jobs;
    private final RouterSessions sessions;
    private final RouterProperties properties;
    private volatile Disposable reconciling;
    private volatile Disposable sweeping;

    RouterMaintenance(RouterJobs jobs, RouterSessions sessions, RouterProperties properties) {
        this.jobs = jobs;
        this.sessions = sessions;
        this.properties = properties;
    }

    @Override
    public void start() {
        Duration interval = properties.reconcileInterval();
        reconciling = Flux.interval(interval, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> jobs.reconcileAll(interval)
                        .doOnError(e -> log.warn("Periodic router reconciliation failed: {}", e.toString()))
                        .onErrorComplete())
                .subscribe();
        sweeping = Flux.interval(IDLE_SWEEP, IDLE_SWEEP, Schedulers.boundedElastic())
                .subscribe(tick -> sessions.closeIdle());
    }

    @Override
    public void stop() {
        if (reconciling != null) {
            reconciling.dispose();
        }
        if (sweeping != null) {
            sweeping.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return reconciling != null && !reconciling.isDisposed();
    }
}
