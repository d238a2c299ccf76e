package io.reroute.platform.notification.internal;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.notification.MailTemplate;
import io.reroute.platform.notification.MailTemplates;
import io.reroute.platform.notification.Notification;
import io.reroute.platform.notification.NotificationKind;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Notifications", description = "Mails to subscribers and the workspace's templates for them")
class NotificationController {

    private final WorkspaceTransactions transactions;
    private final NotificationRepository repository;
    private final Subscribers subscribers;
    private final AuditLog audit;
    private final Clock clock;

    NotificationController(
            WorkspaceTransactions transactions,
            NotificationRepository repository,
            Subscribers subscribers,
            AuditLog audit,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.subscribers = subscribers;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/subscribers/{id}/notifications")
    @Operation(
            summary = "Mails sent or queued for a subscriber, newest first",
            description = "Status, attempts and the last error; pass nextBefore as before for the next page.")
    Mono<NotificationPage> notifications(
            @PathVariable UUID id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> subscribers
                .find(workspace, id)
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                .then(repository
                        .list(workspace, id, size + 1, Optional.ofNullable(before))
                        .collectList())
                .map(items -> Pages.page(items, size, Notification::id, NotificationPage::new)));
    }

    @GetMapping("/api/v1/workspace/mail-templates")
    @Operation(summary = "The mail templates in use", description = "The workspace's own, or the default.")
    Mono<List<TemplateView>> templates() {
        return transactions.inCurrentWorkspace(repository::templates).map(own -> Arrays.stream(
                        NotificationKind.values())
                .map(kind -> own.containsKey(kind)
                        ? new TemplateView(kind, own.get(kind), true, MailTemplates.VARIABLES)
                        : new TemplateView(kind, MailTemplates.defaultFor(kind), false, MailTemplates.VARIABLES))
                .toList());
    }

    @PutMapping("/api/v1/workspace/mail-templates/{kind}")
    @Operation(
            summary = "Set the workspace's template for a mail",
            description = "Mustache over plain text; only the listed variables exist.")
    Mono<TemplateView> save(@PathVariable NotificationKind kind, @RequestBody @Valid MailTemplate template) {
        var errors = MailTemplates.check(template);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidRequestException(errors));
        }
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> repository
                        .saveTemplate(workspace, kind, template, clock.instant())
                        .then(audit.record(
                                workspace,
                                actor,
                                "mail-template.saved",
                                "mail-template/" + kind,
                                Map.of("subject", template.subject())))))
                .thenReturn(new TemplateView(kind, template, true, MailTemplates.VARIABLES));
    }

    @DeleteMapping("/api/v1/workspace/mail-templates/{kind}")
    @Operation(summary = "Go back to the default template for a mail")
    Mono<TemplateView> reset(@PathVariable NotificationKind kind) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> repository
                        .deleteTemplate(workspace, kind)
                        .flatMap(deleted -> deleted == 0
                                ? Mono.empty()
                                : audit.record(
                                        workspace, actor, "mail-template.reset", "mail-template/" + kind, Map.of()))))
                .thenReturn(new TemplateView(kind, MailTemplates.defaultFor(kind), false, MailTemplates.VARIABLES));
    }

    record NotificationPage(List<Notification> items, Long nextBefore) {}

    record TemplateView(NotificationKind kind, MailTemplate template, boolean custom, List<String> variables) {}
}
