package io.reroute.platform.enforcement.internal;

import io.reroute.platform.enforcement.EnforcementState;
import io.reroute.platform.enforcement.GatewayWorkspace;
import io.reroute.platform.enforcement.RegionStream;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A region's enforcement state for its gateways, as NDJSON: a {@code snapshot} line with the stream
 * position, per workspace a {@code workspace} line (landing addresses, reminder host, allowlist)
 * followed by one {@code subscriber} line per subscriber, and an {@code end} line with the count (a
 * gateway that gets no end line got a cut-off snapshot). The position is read before the database:
 * every event up to it was committed before the rows are read, so the rows already include it, and
 * anything later is on the stream after the position; a gateway tails from there and ignores
 * versions it already has.
 */
@RestController
@Tag(name = "Internal", description = "For the platform's own gateway and portal processes")
class RegionSnapshotController {

    private final WorkspaceTransactions transactions;
    private final EnforcementRepository repository;
    private final RegionStreamPublisher streams;
    private final Workspaces workspaces;
    private final GatewayWorkspaces gatewayWorkspaces;
    private final Clock clock;

    RegionSnapshotController(
            WorkspaceTransactions transactions,
            EnforcementRepository repository,
            RegionStreamPublisher streams,
            Workspaces workspaces,
            GatewayWorkspaces gatewayWorkspaces,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.streams = streams;
        this.workspaces = workspaces;
        this.gatewayWorkspaces = gatewayWorkspaces;
        this.clock = clock;
    }

    @GetMapping(value = "/internal/regions/{region}/snapshot", produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(
            summary = "Region snapshot for a gateway",
            description = "Every subscriber of the region's workspaces with its state and version, and the stream"
                    + " position to tail from. Gateway credentials of this region only.")
    Flux<Object> snapshot(@PathVariable String region) {
        var count = new AtomicLong();
        return streams.lastId(region)
                .flatMapMany(position -> Flux.concat(
                        Mono.just(new SnapshotStart(
                                "snapshot", region, RegionStream.key(region), position, clock.instant())),
                        workspaces
                                .idsInRegion(region)
                                .concatMap(workspace -> transactions.streamInWorkspace(
                                        workspace,
                                        () -> Flux.concat(
                                                gatewayWorkspaces
                                                        .find(workspace)
                                                        .map(w -> new SnapshotWorkspace("workspace", w)),
                                                repository
                                                        .states(workspace)
                                                        .doOnNext(state -> count.incrementAndGet())
                                                        .map(state -> new SnapshotSubscriber("subscriber", state))))),
                        Mono.fromSupplier(() -> new SnapshotEnd("end", count.get()))));
    }

    record SnapshotStart(String type, String region, String stream, String position, Instant takenAt) {}

    record SnapshotWorkspace(String type, GatewayWorkspace workspace) {}

    record SnapshotSubscriber(String type, EnforcementState subscriber) {}

    record SnapshotEnd(String type, long subscribers) {}
}
