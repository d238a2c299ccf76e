package io.reroute.platform.notification.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.link.LinkPurpose;
import io.reroute.platform.link.LinkSigner;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.notification.MailTemplates;
import io.reroute.platform.notification.NotificationKind;
import io.reroute.platform.notification.NotificationProperties;
import io.reroute.platform.notification.internal.NotificationRepository.Claimed;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.WorkspaceSettings;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends queued mails after their transitions committed. Each run claims due rows (SKIP LOCKED, with
 * a lease) in one transaction, renders them with the workspace's templates and a fresh signed pay
 * link, sends over SMTP outside any transaction, and records each outcome. SMTP failures are
 * retried with a doubling backoff; a mail already sent is never claimed again. Only a crash between
 * the SMTP hand-over and recording it can send one twice, after the lease ends.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Actor DISPATCHER = new Actor("notification-dispatcher");

    private final DatabaseClient db;
    private final WorkspaceTransactions transactions;
    private final NotificationRepository repository;
    private final Workspaces workspaces;
    private final ReminderLinks links;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationDispatcher(
            DatabaseClient db,
            WorkspaceTransactions transactions,
            NotificationRepository repository,
            Workspaces workspaces,
            ReminderLinks links,
            MailTransport transport,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.repository = repository;
        this.workspaces = workspaces;
        this.links = links;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${reroute.notifications.dispatch-interval:PT5S}")
    void onSchedule() {
        if (properties.dispatcherEnabled()) {
            try {
                dispatchDue().block();
            } catch (RuntimeException e) {
                log.warn("notification run failed; retrying on the next run: {}", e.toString());
            }
        }
    }

    /** One run over every workspace with mail due; the number of mails handled. */
    public Mono<Long> dispatchDue() {
        return db.sql("SELECT id FROM notification_due_workspace_ids(:at) AS id")
                .bind("at", clock.instant())
                .map(row -> new WorkspaceId(row.get("id", UUID.class)))
                .all()
                .concatMap(workspace -> dispatch(workspace).contextWrite(WorkspaceContext.bind(workspace, DISPATCHER)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> dispatch(WorkspaceId workspace) {
        Instant now = clock.instant();
        return transactions
                .inWorkspace(workspace, () -> Mono.zip(
                                workspaces.settings(workspace),
                                repository.templates(workspace),
                                links.signer(workspace))
                        .flatMap(context -> {
                            // Each template is parsed once per run, however many mails use it.
                            var compiled =
                                    new EnumMap<NotificationKind, MailTemplates.Compiled>(NotificationKind.class);
                            return repository
                                    .claimDue(workspace, now, now.plus(properties.lease()), properties.batchSize())
                                    .map(claimed -> prepare(
                                            claimed,
                                            context.getT1(),
                                            compiled.computeIfAbsent(
                                                    claimed.kind(),
                                                    kind -> MailTemplates.compile(context.getT2()
                                                            .getOrDefault(kind, MailTemplates.defaultFor(kind)))),
                                            context.getT3()))
                                    .collectList();
                        }))
                .flatMapMany(Flux::fromIterable)
                .concatMap(prepared -> deliver(workspace, prepared))
                .count();
    }

    private Prepared prepare(
            Claimed claimed, WorkspaceSettings settings, MailTemplates.Compiled template, LinkSigner signer) {
        if (claimed.email() == null || claimed.email().isBlank()) {
            return new Prepared(claimed, null);
        }
        String payLink = claimed.kind().carriesPayLink() && signer.hasHost()
                ? signer.sign(claimed.subscriberId(), claimed.accountNumber(), LinkPurpose.PAY)
                        .url()
                : "";
        var variables = Map.of(
                "subscriberName",
                claimed.name(),
                "accountNumber",
                claimed.accountNumber(),
                "ispName",
                settings.displayName(),
                "amountDue",
                claimed.amountDue().toPlainString() + (claimed.currency() == null ? "" : " " + claimed.currency()),
                "dueDate",
                claimed.oldestDue() == null ? "" : claimed.oldestDue().toString(),
                "payLink",
                payLink,
                "supportNote",
                settings.branding().note() == null ? "" : settings.branding().note());
        var rendered = template.render(variables);
        var sender = settings.mail();
        String fromAddress =
                sender != null && sender.fromAddress() != null ? sender.fromAddress() : properties.fromAddress();
        String fromName = sender != null && sender.fromName() != null ? sender.fromName() : settings.displayName();
        return new Prepared(
                claimed, new OutgoingMail(fromAddress, fromName, claimed.email(), rendered.subject(), rendered.body()));
    }

    private Mono<Long> deliver(WorkspaceId workspace, Prepared prepared) {
        var claimed = prepared.claimed();
        if (prepared.mail() == null) {
            return outcome(
                    workspace,
                    claimed,
                    "skipped",
                    repository.markSkipped(workspace, claimed.id(), "no email address on file"));
        }
        String to = prepared.mail().to();
        return transport
                .send(prepared.mail())
                .then(Mono.defer(() -> outcome(
                        workspace, claimed, "sent", repository.markSent(workspace, claimed.id(), to, clock.instant()))))
                .onErrorResume(e -> {
                    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (e instanceof MailTransport.MailRefusedException
                            || claimed.attempts() >= properties.maxAttempts()) {
                        log.warn(
                                "{} mail {} failed for good after {} attempt(s): {}",
                                claimed.kind(),
                                claimed.id(),
                                claimed.attempts(),
                                error);
                        return outcome(
                                workspace,
                                claimed,
                                "failed",
                                repository.markFailed(workspace, claimed.id(), to, error));
                    }
                    Instant next = clock.instant().plus(backoff(claimed.attempts()));
                    log.info(
                            "{} mail {} not sent (attempt {}), retrying at {}: {}",
                            claimed.kind(),
                            claimed.id(),
                            claimed.attempts(),
                            next,
                            error);
                    return outcome(
                            workspace,
                            claimed,
                            "retry",
                            repository.markRetry(workspace, claimed.id(), to, error, next));
                });
    }

    private Duration backoff(int attempts) {
        return properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    }

    private Mono<Long> outcome(WorkspaceId workspace, Claimed claimed, String outcome, Mono<Void> record) {
        return transactions
                .inWorkspace(workspace, () -> record)
                .doOnSuccess(done -> meters.counter(
                                "reroute.notifications",
                                "workspace",
                                workspace.toString(),
                                "kind",
                                claimed.kind().name(),
                                "outcome",
                                outcome)
                        .increment())
                .thenReturn(1L);
    }

    private record Prepared(Claimed claimed, OutgoingMail mail) {}
}
