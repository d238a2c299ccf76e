package io.reroute.platform.dashboard.internal;

import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.gateway.GatewayHealth;
import io.reroute.platform.gateway.GatewayStatus;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Dashboard", description = "The workspace at a glance")
class DashboardController {

    private static final int RECENT = 20;
    private static final Duration FAILURES_SINCE = Duration.ofDays(7);

    private final WorkspaceTransactions transactions;
    private final DashboardRepository figures;
    private final Workspaces workspaces;
    private final GatewayHealth gateways;
    private final Clock clock;

    DashboardController(
            WorkspaceTransactions transactions,
            DashboardRepository figures,
            Workspaces workspaces,
            GatewayHealth gateways,
            Clock clock) {
        this.transactions = transactions;
        this.figures = figures;
        this.workspaces = workspaces;
        this.gateways = gateways;
        this.clock = clock;
    }

    record Today(Instant since, long blocked, long capped, long restored) {}

    /**
     * A gateway as a workspace's staff see it: its health, without the count of subscribers it holds,
     * which would tell them about every other workspace of the region.
     */
    record Gateway(
            String instance,
            String region,
            Instant lastSeenAt,
            double streamLagSeconds,
            double snapshotAgeSeconds,
            boolean loaded,
            boolean healthy) {

        static Gateway of(GatewayStatus status) {
            return new Gateway(
                    status.instance(),
                    status.region(),
                    status.lastSeenAt(),
                    status.streamLagSeconds(),
                    status.snapshotAgeSeconds(),
                    status.loaded(),
                    status.healthy());
        }
    }

    record Dashboard(
            String currency,
            Map<SubscriberState, Long> subscribersByState,
            DashboardRepository.Overdue overdue,
            Today today,
            List<DashboardRepository.Restored> restoredToday,
            List<Gateway> gateways,
            List<DashboardRepository.Failure> enforcementFailures) {}

    @GetMapping("/api/v1/dashboard")
    @Operation(
            summary = "Subscribers by state, money at risk, today's blocks, caps and restores, the region's"
                    + " gateways and recent enforcement failures",
            description = "Today is the UTC day. Failures are the last 7 days' CoA, Disconnect and router API steps"
                    + " that did not reach the session (outcomes other than ACK and SESSION_GONE), newest first.")
    Mono<Dashboard> dashboard() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        return transactions
                .inCurrentWorkspace(workspace -> Mono.zip(
                        workspaces.find(workspace),
                        figures.subscribersByState(workspace),
                        figures.overdue(workspace, today),
                        figures.today(workspace, midnight),
                        figures.restored(workspace, midnight, RECENT),
                        figures.failures(workspace, now.minus(FAILURES_SINCE), RECENT)))
                .flatMap(found -> gateways.region(found.getT1().region())
                        .map(Gateway::of)
                        .collectList()
                        .map(regionGateways -> new Dashboard(
                                found.getT1().currency(),
                                found.getT2(),
                                found.getT3(),
                                new Today(
                                        midnight,
                                        found.getT4().blocked(),
                                        found.getT4().capped(),
                                        found.getT4().restored()),
                                found.getT5(),
                                regionGateways,
                                found.getT6())));
    }
}
