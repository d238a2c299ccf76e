package io.reroute.platform.link.internal;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.link.LinkKeyInfo;
import io.reroute.platform.link.LinkPurpose;
import io.reroute.platform.link.LinksProperties;
import io.reroute.platform.link.ReminderLink;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Reminder links", description = "Signed links that open a subscriber's page in the portal")
class ReminderLinkController {

    private final WorkspaceTransactions transactions;
    private final ReminderLinks links;
    private final LinkKeyStore keys;
    private final Subscribers subscribers;
    private final LinksProperties properties;
    private final AuditLog audit;

    ReminderLinkController(
            WorkspaceTransactions transactions,
            ReminderLinks links,
            LinkKeyStore keys,
            Subscribers subscribers,
            LinksProperties properties,
            AuditLog audit) {
        this.transactions = transactions;
        this.links = links;
        this.keys = keys;
        this.subscribers = subscribers;
        this.properties = properties;
        this.audit = audit;
    }

    @PostMapping("/api/v1/subscribers/{id}/reminder-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a signed link",
            description = "A link on the workspace's reminder host that opens this subscriber's page in the portal"
                    + " for the given purpose. ttl is an ISO-8601 duration (default the configured link lifetime).")
    Mono<ReminderLink> issue(@PathVariable UUID id, @RequestBody @Valid LinkRequest request) {
        Duration ttl = request.ttl() == null ? properties.ttl() : request.ttl();
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(properties.maxTtl()) > 0) {
            return Mono.error(new InvalidRequestException(
                    "ttl", "must be positive and at most " + properties.maxTtl().toDays() + " days"));
        }
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> subscribers
                        .find(workspace, id)
                        .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                        .flatMap(subscriber -> links.signer(workspace).flatMap(signer -> {
                            if (!signer.hasHost()) {
                                return Mono.error(new ConflictException(
                                        "set the workspace's reminder host (settings) before issuing links"));
                            }
                            var link = signer.sign(id, subscriber.accountNumber(), request.purpose(), ttl);
                            return audit.record(
                                            workspace,
                                            actor,
                                            "reminder-link.issued",
                                            "subscriber/" + id,
                                            Map.of("purpose", request.purpose(), "expiresAt", link.expiresAt()))
                                    .thenReturn(link);
                        }))));
    }

    @GetMapping("/api/v1/workspace/link-keys")
    @Operation(summary = "List link signing keys", description = "Newest first; never the key material.")
    Mono<List<LinkKeyInfo>> keys() {
        return transactions.inCurrentWorkspace(keys::list);
    }

    @PostMapping("/api/v1/workspace/link-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Rotate the link signing key",
            description = "New links are signed with a new key; links signed before keep working until their"
                    + " key is retired or they expire.")
    Mono<LinkKeyInfo> rotate() {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> keys.rotate(workspace).flatMap(key -> audit.record(
                                        workspace, actor, "link-key.rotated", "link-key/" + key.kid(), Map.of())
                                .thenReturn(key))));
    }

    @PostMapping("/api/v1/workspace/link-keys/{kid}/retire")
    @Operation(
            summary = "Retire a link signing key",
            description = "Links it signed stop opening anything at once (for a leaked key).")
    Mono<LinkKeyInfo> retire(@PathVariable String kid) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> keys.retire(workspace, kid)
                        .flatMap(key -> audit.record(workspace, actor, "link-key.retired", "link-key/" + kid, Map.of())
                                .thenReturn(key))));
    }

    record LinkRequest(@NotNull LinkPurpose purpose, Duration ttl) {}
}
