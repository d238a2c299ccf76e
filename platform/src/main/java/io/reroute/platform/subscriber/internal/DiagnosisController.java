package io.reroute.platform.subscriber.internal;

import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.gateway.ProbeReply;
import io.reroute.platform.gateway.SubscriberProbe;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** "Why is this subscriber restricted?": the platform's state beside what each gateway of the region does now. */
@RestController
@Tag(name = "Subscribers")
class DiagnosisController {

    private final WorkspaceTransactions transactions;
    private final Subscribers subscribers;
    private final Transitions transitions;
    private final Workspaces workspaces;
    private final SubscriberProbe probe;

    DiagnosisController(
            WorkspaceTransactions transactions,
            Subscribers subscribers,
            Transitions transitions,
            Workspaces workspaces,
            SubscriberProbe probe) {
        this.transactions = transactions;
        this.subscribers = subscribers;
        this.transitions = transitions;
        this.workspaces = workspaces;
        this.probe = probe;
    }

    record Diagnosis(
            SubscriberState state,
            boolean restricted,
            Instant since,
            String reason,
            long stateVersion,
            List<ProbeReply> gateways,
            String note) {}

    @GetMapping("/api/v1/subscribers/{id}/diagnosis")
    @Operation(
            summary = "Why is this subscriber restricted?",
            description = "The state and the reason the platform holds, and from each gateway of the region: the"
                    + " state version it enforces, its DNS answer for `name` (default example.com) to the"
                    + " subscriber, the subscriber on each router's restricted address list as last read, and the"
                    + " last RADIUS reply it sent. Gateways that do not answer within 1.5 s are left out.")
    Mono<Diagnosis> diagnose(@PathVariable UUID id, @RequestParam(required = false) String name) {
        if (name != null && (name.isBlank() || name.length() > 253)) {
            return Mono.error(new InvalidRequestException("name", "must be a host name"));
        }
        return transactions
                .inCurrentWorkspace(workspace -> subscribers
                        .find(workspace, id)
                        .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                        .flatMap(subscriber -> Mono.zip(
                                Mono.just(subscriber),
                                transitions
                                        .history(workspace, id, 1, Optional.empty())
                                        .next()
                                        .map(Optional::of)
                                        .defaultIfEmpty(Optional.empty()),
                                workspaces.find(workspace),
                                Mono.just(workspace))))
                .flatMap(found -> {
                    var subscriber = found.getT1();
                    var workspace = found.getT4();
                    String region = found.getT3().region();
                    Mono<List<ProbeReply>> replies = name == null
                            ? probe.probe(workspace, region, id)
                            : probe.probe(workspace, region, id, name)
                                    .onErrorMap(
                                            IllegalArgumentException.class,
                                            e -> new InvalidRequestException("name", e.getMessage()));
                    return replies.map(gateways -> new Diagnosis(
                            subscriber.state(),
                            subscriber.state().restricted(),
                            subscriber.stateChangedAt(),
                            found.getT2().map(t -> t.reason()).orElse(null),
                            subscriber.stateVersion(),
                            gateways,
                            gateways.isEmpty() ? "no gateway of region " + region + " answered" : null));
                });
    }
}
