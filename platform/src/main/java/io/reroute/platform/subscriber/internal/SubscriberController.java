package io.reroute.platform.subscriber.internal;

import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.enforcement.Simulation;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.enforcement.SubscriberTransition;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.net.IpNetwork;
import io.reroute.platform.subscriber.NewSubscriber;
import io.reroute.platform.subscriber.Subscriber;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Subscribers", description = "Subscribers, their enforcement state and its history")
class SubscriberController {

    private final WorkspaceTransactions transactions;
    private final SubscriberRepository subscribers;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final SecretCipher cipher;
    private final Clock clock;

    SubscriberController(
            WorkspaceTransactions transactions,
            SubscriberRepository subscribers,
            Transitions transitions,
            Idempotency idempotency,
            SecretCipher cipher,
            Clock clock) {
        this.transactions = transactions;
        this.subscribers = subscribers;
        this.transitions = transitions;
        this.idempotency = idempotency;
        this.cipher = cipher;
        this.clock = clock;
    }

    @PostMapping("/api/v1/subscribers")
    @Operation(summary = "Create a subscriber", description = "Starts ACTIVE. Send an Idempotency-Key to retry safely.")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid NewSubscriber request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        var subscriber = normalize(request);
        return transactions.inCurrentWorkspace(workspace -> idempotency.once(workspace, idempotencyKey, request, () -> {
            String sealed = request.pppoePassword() == null
                    ? null
                    : cipher.seal(
                            request.pppoePassword().getBytes(StandardCharsets.UTF_8),
                            Subscribers.pppoePasswordContext(workspace, subscriber.id()));
            return subscribers
                    .insert(workspace, subscriber, sealed)
                    .onErrorMap(
                            DuplicateKeyException.class,
                            e -> new ConflictException(
                                    e.getMessage().contains("pppoe")
                                            ? "PPPoE username '" + request.pppoeUsername() + "' is already in use"
                                            : "account number '" + request.accountNumber() + "' is already in use"))
                    .onErrorMap(
                            e -> e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException),
                            e -> e.getMessage().contains("subscriber_nas_fkey")
                                    ? new InvalidRequestException("nasId", "no NAS client with this id")
                                    : new InvalidRequestException("planId", "no plan with this id"))
                    .then(transitions.profileChanged(workspace, subscriber.id()))
                    .then(subscribers.find(workspace, subscriber.id()))
                    .map(created -> ResponseEntity.created(URI.create("/api/v1/subscribers/" + created.id()))
                            .body(created));
        }));
    }

    @GetMapping("/api/v1/subscribers")
    @Operation(
            summary = "List subscribers by account number, optionally filtered",
            description = "Filters: state, planId, nasId, overdue (an open invoice past its due date), q (part of"
                    + " the account number, name, email or PPPoE username). Pass nextAfter as after for the next page.")
    Mono<SubscriberPage> list(
            @RequestParam(required = false) SubscriberState state,
            @RequestParam(required = false) UUID planId,
            @RequestParam(required = false) UUID nasId,
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID after,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        if (q != null && q.length() > 100) {
            return Mono.error(new InvalidRequestException("q", "must be at most 100 characters"));
        }
        var filter = new SubscriberRepository.Filter(
                Optional.ofNullable(state),
                Optional.ofNullable(planId),
                Optional.ofNullable(nasId),
                overdue,
                Optional.ofNullable(q).map(String::strip).filter(text -> !text.isEmpty()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return transactions.inCurrentWorkspace(workspace -> subscribers
                .list(workspace, filter, size + 1, Optional.ofNullable(after))
                .collectList()
                .map(items -> Pages.page(items, size, Subscriber::id, SubscriberPage::new)));
    }

    @GetMapping("/api/v1/subscribers/{id}")
    @Operation(summary = "One subscriber")
    Mono<Subscriber> get(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> find(workspace, id));
    }

    @GetMapping("/api/v1/subscribers/{id}/history")
    @Operation(summary = "State changes, newest first", description = "Pass nextBefore as before for the next page.")
    Mono<HistoryPage> history(
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> find(workspace, id)
                .then(transitions
                        .history(workspace, id, size + 1, Optional.ofNullable(before))
                        .collectList())
                .map(items -> Pages.page(items, size, SubscriberTransition::version, HistoryPage::new)));
    }

    @GetMapping("/api/v1/subscribers/{id}/simulate")
    @Operation(
            summary = "The state billing would give the subscriber on a date",
            description = "Assumes nothing is paid" + " or invoiced until then; changes nothing.")
    Mono<Simulation> simulate(
            @PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return transactions.inCurrentWorkspace(workspace -> transitions.simulate(workspace, id, at));
    }

    @PostMapping("/api/v1/subscribers/{id}/suspend")
    @Operation(
            summary = "Suspend by hand",
            description = "Restricts the subscriber until restored, whatever billing says.")
    Mono<SubscriberTransition> suspend(@PathVariable UUID id, @RequestBody @Valid StaffAction action) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> transitions.suspend(
                        workspace, id, actor, action.reason().strip())));
    }

    @PostMapping("/api/v1/subscribers/{id}/restore")
    @Operation(
            summary = "End a suspension",
            description = "The subscriber goes where billing says, which may be BLOCKED.")
    Mono<SubscriberTransition> restore(@PathVariable UUID id, @RequestBody @Valid StaffAction action) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> transitions.restore(
                        workspace, id, actor, action.reason().strip())));
    }

    private Mono<Subscriber> find(WorkspaceId workspace, UUID id) {
        return subscribers.find(workspace, id).switchIfEmpty(Mono.error(new NotFoundException("subscriber")));
    }

    private Subscriber normalize(NewSubscriber r) {
        var errors = new FieldErrors();
        String ipv4 = errors.parse(
                "staticIpv4", r.staticIpv4(), text -> IpNetwork.canonicalAddress(text, Inet4Address.class));
        String ipv6 = errors.parse(
                "staticIpv6", r.staticIpv6(), text -> IpNetwork.canonicalAddress(text, Inet6Address.class));
        String prefix = null;
        if (r.delegatedPrefix() != null && !r.delegatedPrefix().isBlank()) {
            try {
                IpNetwork network = IpNetwork.parse(r.delegatedPrefix());
                if (network.isIpv4() || network.prefixLength() > 64) {
                    errors.add(
                            "delegatedPrefix", "must be an IPv6 prefix of /64 or shorter, such as 2001:db8:100::/56");
                } else {
                    prefix = network.cidr();
                }
            } catch (IllegalArgumentException e) {
                errors.add("delegatedPrefix", e.getMessage());
            }
        }
        if (r.pppoePassword() != null && r.pppoeUsername() == null) {
            errors.add("pppoePassword", "needs a pppoeUsername");
        }
        errors.throwIfAny();
        var now = clock.instant();
        return new Subscriber(
                UUID.randomUUID(),
                r.accountNumber().strip(),
                r.name().strip(),
                r.email() == null ? null : r.email().strip().toLowerCase(Locale.ROOT),
                r.phone(),
                r.pppoeUsername(),
                r.pppoePassword() != null,
                ipv4,
                ipv6,
                prefix,
                r.nasId(),
                r.planId(),
                SubscriberState.ACTIVE,
                0,
                now,
                now);
    }

    record StaffAction(@NotBlank @Size(max = 500) String reason) {}

    record SubscriberPage(List<Subscriber> items, UUID nextAfter) {}

    record HistoryPage(List<SubscriberTransition> items, Long nextBefore) {}
}
