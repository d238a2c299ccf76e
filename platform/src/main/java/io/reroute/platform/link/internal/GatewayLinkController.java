package io.reroute.platform.link.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.link.LinkPurpose;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * For a region's gateways: a freshly signed link for the subscriber behind a captive HTTP request or
 * a Captive Portal API query. Only for workspaces of the gateway's own region; a capped subscriber
 * gets a top-up link, everyone else a payment link. Not audited one by one (devices probe often);
 * counted per workspace instead.
 */
@RestController
@Tag(name = "Internal", description = "For the platform's own gateway and portal processes")
class GatewayLinkController {

    private final WorkspaceTransactions transactions;
    private final Workspaces workspaces;
    private final Subscribers subscribers;
    private final ReminderLinks links;
    private final MeterRegistry meters;

    GatewayLinkController(
            WorkspaceTransactions transactions,
            Workspaces workspaces,
            Subscribers subscribers,
            ReminderLinks links,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.workspaces = workspaces;
        this.subscribers = subscribers;
        this.links = links;
        this.meters = meters;
    }

    @PostMapping("/internal/regions/{region}/reminder-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sign a captive-portal link",
            description = "A link on the subscriber's workspace reminder host, for the gateway's captive redirect and"
                    + " RFC 8908 API. 404 when the workspace is not in this region or the subscriber not in the"
                    + " workspace; 409 when the workspace has no reminder host yet.")
    Mono<CaptiveLink> sign(@PathVariable String region, @RequestBody @Valid CaptiveLinkRequest request) {
        var workspace = new WorkspaceId(request.workspaceId());
        return transactions
                .inWorkspace(workspace, () -> workspaces
                        .find(workspace)
                        .filter(w -> region.equals(w.region()))
                        .flatMap(w -> signInWorkspace(workspace, request.subscriberId())))
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")));
    }

    private Mono<CaptiveLink> signInWorkspace(WorkspaceId workspace, UUID subscriberId) {
        return subscribers
                .find(workspace, subscriberId)
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                .flatMap(subscriber -> links.signer(workspace).flatMap(signer -> {
                    if (!signer.hasHost()) {
                        return Mono.error(new ConflictException("the workspace has no reminder host"));
                    }
                    var purpose = subscriber.state() == SubscriberState.CAPPED ? LinkPurpose.TOP_UP : LinkPurpose.PAY;
                    var link = signer.sign(subscriberId, subscriber.accountNumber(), purpose);
                    meters.counter("reroute.links.captive", "workspace", workspace.toString())
                            .increment();
                    return Mono.just(new CaptiveLink(link.url(), purpose, link.expiresAt()));
                }));
    }

    record CaptiveLinkRequest(
            @NotNull UUID workspaceId, @NotNull UUID subscriberId) {}

    /** The URL carries the token: a credential, kept out of {@link #toString()}. */
    record CaptiveLink(String url, LinkPurpose purpose, Instant expiresAt) {
        @Override
        public String toString() {
            return "CaptiveLink[purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
        }
    }
}
