package io.reroute.platform.session.internal;

import io.reroute.platform.nas.NasClients;
import io.reroute.platform.session.EnforcementAttempt;
import io.reroute.platform.session.RadiusSession;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(
        name = "Sessions",
        description = "RADIUS sessions as the NAS clients' accounting reports them, and live enforcement on them")
class SessionController {

    private final WorkspaceTransactions transactions;
    private final SessionRepository sessions;
    private final EnforcementHistory history;
    private final Subscribers subscribers;
    private final NasClients nasClients;
    private final Clock clock;

    SessionController(
            WorkspaceTransactions transactions,
            SessionRepository sessions,
            EnforcementHistory history,
            Subscribers subscribers,
            NasClients nasClients,
            Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.history = history;
        this.subscribers = subscribers;
        this.nasClients = nasClients;
        this.clock = clock;
    }

    @GetMapping("/api/v1/subscribers/{id}/sessions")
    @Operation(
            summary = "The subscriber's sessions, newest first",
            description = "Open ones are ACTIVE, or STALE when not heard of for three interim intervals;"
                    + " counters are 64-bit. Pass nextBefore as before for the next page.")
    Mono<SessionPage> forSubscriber(
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> subscriber(workspace, id)
                .then(sessions.forSubscriber(workspace, id, clock.instant(), size + 1, before)
                        .collectList())
                .map(items -> Pages.page(items, size, RadiusSession::id, SessionPage::new)));
    }

    @GetMapping("/api/v1/subscribers/{id}/enforcement")
    @Operation(
            summary = "How state changes reached the subscriber's open sessions, newest first",
            description = "Each CoA, Disconnect and RouterOS API step a gateway took and how it ended:"
                    + " why a subscriber is or is not restricted on the network right now."
                    + " Pass nextBefore as before for the next page.")
    Mono<EnforcementPage> enforcement(
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> subscriber(workspace, id)
                .then(history.forSubscriber(workspace, id, size + 1, before).collectList())
                .map(steps -> Pages.page(
                        steps,
                        size,
                        EnforcementHistory.Step::seq,
                        (page, next) -> new EnforcementPage(
                                page.stream()
                                        .map(EnforcementHistory.Step::attempt)
                                        .toList(),
                                next))));
    }

    @GetMapping("/api/v1/sessions")
    @Operation(
            summary = "Open sessions of the workspace, newest first",
            description = "Optionally of one NAS client. Pass nextBefore as before for the next page.")
    Mono<SessionPage> open(
            @RequestParam(required = false) UUID nasId,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> (nasId == null
                        ? Mono.just(true)
                        : nasClients
                                .find(workspace, nasId)
                                .map(nas -> true)
                                .switchIfEmpty(Mono.error(new NotFoundException("NAS client"))))
                .then(sessions.open(workspace, nasId, clock.instant(), size + 1, before)
                        .collectList())
                .map(items -> Pages.page(items, size, RadiusSession::id, SessionPage::new)));
    }

    private Mono<Void> subscriber(WorkspaceId workspace, UUID id) {
        return subscribers
                .find(workspace, id)
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                .then();
    }

    record SessionPage(List<RadiusSession> items, Long nextBefore) {}

    record EnforcementPage(List<EnforcementAttempt> items, Long nextBefore) {}
}
