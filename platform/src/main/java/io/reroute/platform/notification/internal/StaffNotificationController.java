package io.reroute.platform.notification.internal;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.notification.Notification;
import io.reroute.platform.notification.NotificationQueue;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What staff send by hand: a reminder to a subscriber now, and a test mail to check the sender settings. */
@RestController
@Tag(name = "Notifications")
class StaffNotificationController {

    private final WorkspaceTransactions transactions;
    private final NotificationRepository repository;
    private final NotificationQueue queue;
    private final Subscribers subscribers;
    private final Workspaces workspaces;
    private final MailTransport mail;
    private final AuditLog audit;
    private final Clock clock;

    StaffNotificationController(
            WorkspaceTransactions transactions,
            NotificationRepository repository,
            NotificationQueue queue,
            Subscribers subscribers,
            Workspaces workspaces,
            MailTransport mail,
            AuditLog audit,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.queue = queue;
        this.subscribers = subscribers;
        this.workspaces = workspaces;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    record Queued(List<Notification> notifications) {}

    record TestMail(String to) {}

    @PostMapping("/api/v1/subscribers/{id}/reminders")
    @Operation(
            summary = "Send the subscriber a reminder now",
            description = "Queues the REMINDER mail with a signed pay link, sent within seconds. 409 without a"
                    + " reminder host or an email address on file. Pressing twice within a second sends one.")
    Mono<ResponseEntity<Queued>> remind(@PathVariable UUID id) {
        Instant now = clock.instant();
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> subscribers
                        .find(workspace, id)
                        .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                        .zipWith(workspaces.settings(workspace))
                        .flatMap(found -> {
                            if (found.getT2().reminderHost() == null) {
                                return Mono.error(new ConflictException(
                                        "the workspace has no reminder host yet, so there is no link to send"));
                            }
                            if (found.getT1().email() == null
                                    || found.getT1().email().isBlank()) {
                                return Mono.error(new ConflictException("the subscriber has no email address on file"));
                            }
                            return queue.remindNow(workspace, id, now)
                                    .then(audit.record(
                                            workspace, actor, "subscriber.reminded", "subscriber/" + id, Map.of()))
                                    .then(repository
                                            .list(workspace, id, 1, java.util.Optional.empty())
                                            .collectList());
                        })))
                .map(queued -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new Queued(queued)));
    }

    @PostMapping("/api/v1/workspace/test-mail")
    @Operation(
            summary = "Send a test mail from the workspace's sender",
            description = "Sent at once, from the mail-from name and address; 409 while no mail-from address is"
                    + " set, 502 when the mail server refuses it.")
    Mono<ResponseEntity<Void>> testMail(@RequestBody TestMail request) {
        String to = request.to() == null ? "" : request.to().strip();
        try {
            new InternetAddress(to, true);
        } catch (AddressException e) {
            return Mono.error(new InvalidRequestException("to", "must be an email address"));
        }
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> workspaces.settings(workspace).flatMap(settings -> {
                            var sender = settings.mail();
                            if (sender == null || sender.fromAddress() == null) {
                                return Mono.error(
                                        new ConflictException("mail.fromAddress", "set the mail-from address first"));
                            }
                            String name = sender.fromName() != null ? sender.fromName() : settings.displayName();
                            return audit.record(
                                            workspace,
                                            actor,
                                            "workspace.test-mail",
                                            "workspace/" + workspace,
                                            Map.of("to", to))
                                    .thenReturn(new OutgoingMail(
                                            sender.fromAddress(),
                                            name,
                                            to,
                                            "Test mail from " + name,
                                            "This is a test mail sent from the Reroute admin by " + actor
                                                    + ".\n\nReminders and notices to your subscribers will come from "
                                                    + name + " <" + sender.fromAddress() + ">."));
                        })))
                .flatMap(outgoing -> mail.send(outgoing)
                        .onErrorMap(
                                e -> !(e instanceof ConflictException),
                                e -> new MailServerException(
                                        "the mail server did not accept the test mail: " + e.getMessage())))
                .thenReturn(ResponseEntity.accepted().build());
    }

    /** The mail server refused or could not be reached; nothing the request could fix. */
    static final class MailServerException extends org.springframework.web.server.ResponseStatusException {

        MailServerException(String message) {
            super(HttpStatus.BAD_GATEWAY, message);
        }
    }
}
