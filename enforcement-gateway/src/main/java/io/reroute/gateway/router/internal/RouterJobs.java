package io.reroute.gateway.router.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.PlatformReports;
import io.reroute.gateway.router.RouterJobRequested;
import io.reroute.gateway.state.RegionState;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the router jobs staff ask for and reconciles every router periodically. Every gateway of
 * the region hears a job; the first to claim it in Redis runs it, so a job runs once however many
 * replicas there are (and a periodic reconciliation once per interval). Outcomes go to the
 * platform on the accounting stream.
 */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.routers.enabled", matchIfMissing = true)
class RouterJobs {

    private static final Logger log = LoggerFactory.getLogger(RouterJobs.class);
    private static final Duration JOB_CLAIM = Duration.ofMinutes(10);
    private static final int MAX_ERROR = 1000;

    private final RegionState state;
    private final RouterSessions sessions;
    private final RouterWork work;
    private final PlatformReports reports;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String claimPrefix;
    private final String gatewayId = UUID.randomUUID().toString();

    RouterJobs(
            RegionState state,
            RouterSessions sessions,
            RouterWork work,
            PlatformReports reports,
            ReactiveStringRedisTemplate redis,
            JsonMapper json,
            GatewayProperties gateway,
            MeterRegistry meters,
            Clock clock) {
        this.state = state;
        this.sessions = sessions;
        this.work = work;
        this.reports = reports;
        this.redis = redis;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.claimPrefix = "reroute:region:" + gateway.region() + ":router-claim:";
    }

    /** Heard on the region's stream: claimed, then run off the stream reader's thread. */
    @EventListener
    void on(RouterJobRequested job) {
        claim("job:" + job.jobId(), JOB_CLAIM)
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> run(job.workspaceId(), job.routerId(), job.kind(), job.jobId()))
                .subscribe(null, e -> log.warn("Router job {} failed to run: {}", job.jobId(), e.toString()));
    }

    /**
     * Reconciles each router of the region that no other gateway reconciled within {@code
     * interval}; completes when all are done.
     */
    Mono<Void> reconcileAll(Duration interval) {
        return Flux.fromIterable(state.workspaces())
                .flatMapIterable(w -> w.routers())
                .concatMap(router -> claim(
                                "reconcile:" + router.workspaceId() + ":" + router.id(),
                                interval.multipliedBy(9).dividedBy(10))
                        .filter(Boolean::booleanValue)
                        .flatMap(claimed -> run(router.workspaceId(), router.id(), "RECONCILE", null)))
                .then();
    }

    private Mono<Boolean> claim(String what, Duration hold) {
        return redis.opsForValue().setIfAbsent(claimPrefix + what, gatewayId, hold);
    }

    /** Runs one job (null {@code jobId}: a periodic reconciliation) and reports its outcome. */
    Mono<Void> run(UUID workspace, UUID routerId, String kind, UUID jobId) {
        var router = state.workspace(workspace).flatMap(w -> w.routers().stream()
                .filter(r -> r.id().equals(routerId))
                .findFirst());
        if (router.isEmpty()) {
            report(workspace, routerId, jobId, kind, null, "the router is not in this gateway's view of the workspace");
            return Mono.empty();
        }
        return sessions.call(router.get(), client -> switch (kind) {
                    case "TEST" -> work.test(client);
                    case "APPLY" -> work.apply(client, router.get());
                    case "RECONCILE" -> work.reconcile(client, router.get(), true);
                    default -> throw new IllegalArgumentException("unknown router job kind " + kind);
                })
                .doOnNext(outcome -> report(workspace, routerId, jobId, kind, outcome, null))
                .onErrorResume(e -> {
                    report(workspace, routerId, jobId, kind, null, message(e));
                    return Mono.empty();
                })
                .then();
    }

    private void report(UUID workspace, UUID router, UUID job, String kind, RouterWork.Outcome outcome, String error) {
        meters.counter(
                        "reroute.gateway.router.jobs",
                        "kind",
                        kind,
                        "outcome",
                        outcome != null ? "SUCCEEDED" : "FAILED",
                        "workspace",
                        workspace.toString())
                .increment();
        if (error != null) {
            log.warn("Router {} of workspace {}: {} failed: {}", router, workspace, kind, error);
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "router");
        fields.put("workspace", workspace.toString());
        fields.put("router", router.toString());
        fields.put("job", job == null ? "" : job.toString());
        fields.put("kind", kind);
        fields.put("outcome", outcome != null ? "SUCCEEDED" : "FAILED");
        fields.put("at", Long.toString(clock.millis()));
        fields.put("identity", outcome == null ? "" : outcome.router().getOrDefault("identity", ""));
        fields.put("version", outcome == null ? "" : outcome.router().getOrDefault("version", ""));
        fields.put("error", error == null ? "" : error);
        fields.put("result", outcome == null ? "" : json.writeValueAsString(result(kind, outcome)));
        reports.report(fields);
    }

    private static Map<String, Object> result(String kind, RouterWork.Outcome outcome) {
        var result = new LinkedHashMap<String, Object>(outcome.router());
        List<Map<String, String>> changes =
                outcome.changes().stream().map(RouterChange::describe).toList();
        if ("RECONCILE".equals(kind)) {
            result.put("drift", changes);
            result.put("fixed", outcome.fixed() ? changes.size() : 0);
        } else if ("APPLY".equals(kind)) {
            result.put("changes", changes);
        }
        return result;
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }
}
