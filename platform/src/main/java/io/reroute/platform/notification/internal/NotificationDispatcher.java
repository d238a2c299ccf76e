package io.reroute.platform.notification.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.link.LinkPurpose;
import io.reroute.platform.link.LinkSigner;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.notification.MailTemplates;
import io.reroute.platform.notification.NotificationKind;
import io.reroute.platform.notification.NotificationProperties;
import io.reroute.platform.notification.SmsProperties;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends queued notifications after the transaction that queued them committed. Each run claims due
 * rows (SKIP LOCKED, with a lease) in one transaction, renders them with the workspace's templates
 * (SMS with their built-in text) and a fresh signed portal link, sends them outside any transaction
 * (mail over SMTP, SMS through the {@link SmsSender}), and records each outcome. Failures are retried
 * with a doubling backoff unless refused for good; a message already sent is never claimed again.
 * Only a crash between the hand-over and recording it can send one twice, after the lease ends.
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
    private final SmsSender smsSender;
    private final NotificationProperties properties;
    private final SmsProperties sms;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationDispatcher(
            DatabaseClient db,
            WorkspaceTransactions transactions,
            NotificationRepository repository,
            Workspaces workspaces,
            ReminderLinks links,
            MailTransport transport,
            SmsSender smsSender,
            NotificationProperties properties,
            SmsProperties sms,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.repository = repository;
        this.workspaces = workspaces;
        this.links = links;
        this.transport = transport;
        this.smsSender = smsSender;
        this.properties = properties;
        this.sms = sms;
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
                            Function<NotificationKind, MailTemplates.Compiled> templates =
                                    kind -> compiled.computeIfAbsent(
                                            kind,
                                            k -> MailTemplates.compile(
                                                    context.getT2().getOrDefault(k, MailTemplates.defaultFor(k))));
                            return repository
                                    .claimDue(workspace, now, now.plus(properties.lease()), properties.batchSize())
                                    .map(claimed -> prepare(claimed, context.getT1(), templates, context.getT3()))
                                    .collectList();
                        }))
                .flatMapMany(Flux::fromIterable)
                .concatMap(prepared -> deliver(workspace, prepared))
                .count();
    }

    private Prepared prepare(
            Claimed claimed,
            WorkspaceSettings settings,
            Function<NotificationKind, MailTemplates.Compiled> templates,
            LinkSigner signer) {
        return switch (claimed.channel()) {
            case EMAIL -> prepareMail(claimed, settings, templates.apply(claimed.kind()), signer);
            case SMS -> prepareSms(claimed, settings, signer);
        };
    }

    private Prepared prepareMail(
            Claimed claimed, WorkspaceSettings settings, MailTemplates.Compiled template, LinkSigner signer) {
        if (claimed.email() == null || claimed.email().isBlank()) {
            return Prepared.skipped(claimed, "no email address on file");
        }
        var rendered = template.render(variables(claimed, settings, link(claimed, signer)));
        var sender = settings.mail();
        String fromAddress =
                sender != null && sender.fromAddress() != null ? sender.fromAddress() : properties.fromAddress();
        String fromName = sender != null && sender.fromName() != null ? sender.fromName() : settings.displayName();
        return Prepared.mail(
                claimed, new OutgoingMail(fromAddress, fromName, claimed.email(), rendered.subject(), rendered.body()));
    }

    private Prepared prepareSms(Claimed claimed, WorkspaceSettings settings, LinkSigner signer) {
        if (!sms.enabled()) {
            return Prepared.skipped(claimed, "SMS are switched off (reroute.sms.provider=none)");
        }
        if (claimed.phone() == null || claimed.phone().isBlank()) {
            return Prepared.skipped(claimed, "no phone number on file");
        }
        String link = link(claimed, signer);
        return SmsTexts.render(claimed.kind(), variables(claimed, settings, link))
                .map(text ->
                        Prepared.sms(claimed, new OutgoingSms(PhoneNumbers.normalize(claimed.phone()), text, link)))
                .orElseGet(() -> Prepared.skipped(claimed, "no SMS text for " + claimed.kind()));
    }

    /** A fresh signed portal link, or empty without one (RESTORED, or no reminder host yet). */
    private static String link(Claimed claimed, LinkSigner signer) {
        if (!claimed.kind().carriesPayLink() || !signer.hasHost()) {
            return "";
        }
        // A usage alert's link leads to the portal's top-up page.
        var purpose = claimed.kind() == NotificationKind.USAGE_ALERT ? LinkPurpose.TOP_UP : LinkPurpose.PAY;
        return signer.sign(claimed.subscriberId(), claimed.accountNumber(), purpose)
                .url();
    }

    /** The values of {@link MailTemplates#VARIABLES}; the usage figures are empty for other kinds than USAGE_ALERT. */
    private static Map<String, Object> variables(Claimed claimed, WorkspaceSettings settings, String link) {
        var variables = new HashMap<String, Object>();
        variables.put("subscriberName", claimed.name());
        variables.put("accountNumber", claimed.accountNumber());
        variables.put("ispName", settings.displayName());
        variables.put(
                "amountDue",
                claimed.amountDue().toPlainString() + (claimed.currency() == null ? "" : " " + claimed.currency()));
        variables.put(
                "dueDate",
                claimed.oldestDue() == null ? "" : claimed.oldestDue().toString());
        variables.put("payLink", link);
        variables.put(
                "supportNote",
                settings.branding().note() == null ? "" : settings.branding().note());
        var usage = claimed.kind() == NotificationKind.USAGE_ALERT ? claimed.usage() : null;
        variables.put("usagePercent", usage == null ? "" : Integer.toString(usage.percentUsed()));
        variables.put("dataUsed", usage == null ? "" : DataSizes.format(usage.usedBytes()));
        variables.put(
                "dataRemaining",
                usage == null || usage.remainingBytes() == null ? "" : DataSizes.format(usage.remainingBytes()));
        variables.put(
                "cycleResets",
                usage == null
                        ? ""
                        : LocalDate.ofInstant(usage.resetsAt(), ZoneOffset.UTC).toString());
        variables.put("capped", usage != null && usage.capped());
        return variables;
    }

    private Mono<Long> deliver(WorkspaceId workspace, Prepared prepared) {
        var claimed = prepared.claimed();
        if (prepared.skipReason() != null) {
            return outcome(
                    workspace,
                    claimed,
                    "skipped",
                    repository.markSkipped(workspace, claimed.id(), prepared.skipReason()));
        }
        String to = prepared.recipient();
        Mono<Void> send =
                prepared.mail() != null ? transport.send(prepared.mail()) : smsSender.send(workspace, prepared.sms());
        return send.then(Mono.defer(() -> outcome(
                        workspace, claimed, "sent", repository.markSent(workspace, claimed.id(), to, clock.instant()))))
                .onErrorResume(e -> {
                    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    if (e instanceof MailTransport.MailRefusedException
                            || e instanceof SmsSender.SmsRefusedException
                            || claimed.attempts() >= properties.maxAttempts()) {
                        log.warn(
                                "{} {} {} failed for good after {} attempt(s): {}",
                                claimed.kind(),
                                claimed.channel(),
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
                            "{} {} {} not sent (attempt {}), retrying at {}: {}",
                            claimed.kind(),
                            claimed.channel(),
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
                                "channel",
                                claimed.channel().name(),
                                "outcome",
                                outcome)
                        .increment())
                .thenReturn(1L);
    }

    /** A claimed notification made ready: a mail or an SMS to send, or the reason it is skipped. */
    private record Prepared(Claimed claimed, OutgoingMail mail, OutgoingSms sms, String skipReason) {

        static Prepared mail(Claimed claimed, OutgoingMail mail) {
            return new Prepared(claimed, mail, null, null);
        }

        static Prepared sms(Claimed claimed, OutgoingSms sms) {
            return new Prepared(claimed, null, sms, null);
        }

        static Prepared skipped(Claimed claimed, String reason) {
            return new Prepared(claimed, null, null, reason);
        }

        /** The address or number, as recorded on the row. */
        String recipient() {
            return mail != null ? mail.to() : sms.to();
        }
    }
}
