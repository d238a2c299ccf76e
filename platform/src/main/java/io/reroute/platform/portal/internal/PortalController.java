package io.reroute.platform.portal.internal;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.Payment;
import io.reroute.platform.billing.Payments;
import io.reroute.platform.billing.pdf.BillTo;
import io.reroute.platform.billing.pdf.BillingDocuments;
import io.reroute.platform.billing.pdf.InvoiceDocument;
import io.reroute.platform.billing.pdf.Letterhead;
import io.reroute.platform.billing.pdf.ReceiptDocument;
import io.reroute.platform.billing.pdf.ReceiptLine;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.net.HostName;
import io.reroute.platform.notification.NotificationQueue;
import io.reroute.platform.notification.WorkspaceMail;
import io.reroute.platform.payment.Checkout;
import io.reroute.platform.payment.Checkouts;
import io.reroute.platform.payment.PaymentProvider;
import io.reroute.platform.payment.WorkspacePayments;
import io.reroute.platform.subscriber.Subscriber;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.Usage;
import io.reroute.platform.usage.UsageLedger;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.UnprocessableException;
import io.reroute.platform.workspace.Branding;
import io.reroute.platform.workspace.Workspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * For the subscriber portal: which workspace a host is, opening a subscriber's session from a signed
 * link, and what that subscriber sees and pays. Every session call names the host the subscriber is
 * on; a session only works on its own workspace's host.
 */
@RestController
@Tag(name = "Internal", description = "For the platform's own gateway and portal processes")
class PortalController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalController.class);

    static final String SESSION = "X-Portal-Session";
    static final String HOST = "X-Portal-Host";
    private static final int MAX_ROWS = 100;

    private final PortalSessions sessions;
    private final ReminderLinks links;
    private final Workspaces workspaces;
    private final Subscribers subscribers;
    private final Payments payments;
    private final UsageLedger usage;
    private final Checkouts checkouts;
    private final WorkspacePayments paymentSettings;
    private final WorkspaceTransactions transactions;
    private final NotificationQueue notifications;
    private final MailThrottle throttle;
    private final SignInCodes codes;
    private final WorkspaceMail mail;
    private final Clock clock;

    PortalController(
            PortalSessions sessions,
            ReminderLinks links,
            Workspaces workspaces,
            Subscribers subscribers,
            Payments payments,
            UsageLedger usage,
            Checkouts checkouts,
            WorkspacePayments paymentSettings,
            WorkspaceTransactions transactions,
            NotificationQueue notifications,
            MailThrottle throttle,
            SignInCodes codes,
            WorkspaceMail mail,
            Clock clock) {
        this.sessions = sessions;
        this.links = links;
        this.workspaces = workspaces;
        this.subscribers = subscribers;
        this.payments = payments;
        this.usage = usage;
        this.checkouts = checkouts;
        this.paymentSettings = paymentSettings;
        this.transactions = transactions;
        this.notifications = notifications;
        this.throttle = throttle;
        this.codes = codes;
        this.mail = mail;
        this.clock = clock;
    }

    /** A workspace as its portal shows it: never another workspace's brand on this host. */
    record Brand(String displayName, String currency, Branding branding) {}

    @GetMapping("/internal/portal/hosts/{host}")
    @Operation(summary = "The workspace whose reminder host this is, with its brand; 404 for any other host")
    Mono<Brand> brand(@PathVariable String host) {
        return workspaceOf(host)
                .switchIfEmpty(Mono.error(new NotFoundException("portal host")))
                .flatMap(workspace -> transactions.inWorkspace(
                        workspace, () -> Mono.zip(workspaces.find(workspace), workspaces.settings(workspace))
                                .map(found -> new Brand(
                                        found.getT1().displayName(),
                                        found.getT1().currency(),
                                        found.getT2().branding()))));
    }

    record OpenSession(
            @NotBlank @Size(max = 253) String host,
            @NotBlank @Size(max = 4096) String token) {

        @Override
        public String toString() {
            return "OpenSession[host=" + host + ", token=<hidden>]";
        }
    }

    record SessionOpened(String session, Instant expiresAt, String purpose) {

        @Override
        public String toString() {
            return "SessionOpened[expiresAt=" + expiresAt + ", purpose=" + purpose + ", session=<hidden>]";
        }
    }

    @PostMapping("/internal/portal/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Open a subscriber's portal session from a signed link",
            description = "The link must be valid on this host (any purpose); 422 link-rejected with the reason"
                    + " otherwise, as for /internal/reminder-links/verify.")
    Mono<SessionOpened> open(@RequestBody @Valid OpenSession request) {
        return links.verify(request.token(), request.host(), null).flatMap(link -> sessions.open(
                        link.workspaceId(), link.subscriberId(), link.accountNumber())
                .map(opened -> new SessionOpened(
                        opened.token(), opened.expiresAt(), link.purpose().name())));
    }

    /** A visitor's request for an account on a reminder host: a new link, or a sign-in code. */
    record AccountRequest(
            @NotBlank @Size(max = 253) String host,
            @NotBlank @Size(max = 64) String accountNumber) {}

    @PostMapping("/internal/portal/link-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a subscriber a fresh link, to the email address on file",
            description = "Always 202, whether or not the account exists or has an email address, so that the"
                    + " answer tells a visitor nothing; at most one mail per account and "
                    + "minute. Never sent to an address the visitor typed.")
    Mono<Void> requestLink(@RequestBody @Valid AccountRequest request) {
        String account = request.accountNumber().strip();
        return workspaceOf(request.host())
                .flatMap(workspace -> throttle.firstWithinAMinute(workspace, "link", account)
                        .filter(first -> first)
                        .flatMap(first -> transactions.inWorkspace(workspace, () -> withEmailOnFile(workspace, account)
                                .flatMap(s -> notifications.remindNow(workspace, s.id(), clock.instant())))))
                .then();
    }

    @PostMapping("/internal/portal/codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Mail the subscriber a one-time sign-in code, to the address on file",
            description = "Always 202, as for link requests; at most one code per account and minute, valid for"
                    + " 10 minutes, once, and for five guesses.")
    Mono<Void> requestCode(@RequestBody @Valid AccountRequest request) {
        String account = request.accountNumber().strip();
        return workspaceOf(request.host())
                .flatMap(
                        workspace -> throttle.firstWithinAMinute(workspace, "code", account)
                                .filter(first -> first)
                                .flatMap(first -> transactions.inWorkspace(
                                        workspace,
                                        () -> Mono.zip(
                                                withEmailOnFile(workspace, account), workspaces.find(workspace))))
                                .flatMap(
                                        found -> codes.issue(workspace, account)
                                                .flatMap(
                                                        code -> mail.sendNow(
                                                                workspace,
                                                                found.getT1().email(),
                                                                "Your sign-in code for "
                                                                        + found.getT2()
                                                                                .displayName(),
                                                                "Hello "
                                                                        + found.getT1()
                                                                                .name()
                                                                        + ",\n\nYour code to sign in to "
                                                                        + found.getT2()
                                                                                .displayName() + " is " + code
                                                                        + ".\nIt works once,"
                                                                        + " for 10 minutes. If you did not ask for it, you can ignore this mail.\n"))))
                .onErrorResume(e -> {
                    // The visitor learns nothing either way; the operator sees why in the log.
                    log.warn("sign-in code for a portal visitor not sent: {}", e.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    record CodeSignIn(
            @NotBlank @Size(max = 253) String host,
            @NotBlank @Size(max = 64) String accountNumber,
            @NotBlank @Size(max = 12) String code) {

        @Override
        public String toString() {
            return "CodeSignIn[host=" + host + ", code=<hidden>]";
        }
    }

    @PostMapping("/internal/portal/sessions/code")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Open a subscriber's portal session with a mailed one-time code",
            description = "422 portal-code-rejected for a wrong, used or expired code, or an account this host's"
                    + " workspace does not have.")
    Mono<SessionOpened> openWithCode(@RequestBody @Valid CodeSignIn request) {
        String account = request.accountNumber().strip();
        return workspaceOf(request.host())
                .flatMap(workspace -> codes.redeem(workspace, account, request.code())
                        .filter(right -> right)
                        .flatMap(right -> transactions.inWorkspace(
                                workspace, () -> subscribers.findByAccount(workspace, account)))
                        .flatMap(subscriber -> sessions.open(workspace, subscriber.id(), subscriber.accountNumber())))
                .switchIfEmpty(Mono.error(new UnprocessableException(
                        "portal-code-rejected",
                        "Code not accepted",
                        "the code is wrong, used or expired; ask for a new one",
                        Map.of())))
                .map(opened -> new SessionOpened(opened.token(), opened.expiresAt(), "PAY"));
    }

    @DeleteMapping("/internal/portal/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign the subscriber out of the portal")
    Mono<Void> close(@RequestHeader(SESSION) String token) {
        return sessions.close(token);
    }

    record Bill(UUID id, String number, BigDecimal amount, String currency, LocalDate dueDate, boolean overdue) {}

    record Offer(UUID id, String name, long bytes, BigDecimal price, String currency, Integer validityDays) {}

    /**
     * What the landing page shows the subscriber.
     *
     * @param state why service is restricted follows from it: BLOCKED (overdue), CAPPED (out of data),
     *     SUSPENDED (by the provider's staff)
     * @param paymentProvider null when the workspace takes no online payments
     */
    record Account(
            String name,
            String accountNumber,
            String email,
            SubscriberState state,
            Instant stateSince,
            long stateVersion,
            List<Bill> openInvoices,
            BigDecimal totalDue,
            String currency,
            Usage usage,
            List<Offer> topUps,
            PaymentProvider paymentProvider) {}

    @GetMapping("/internal/portal/account")
    @Operation(summary = "The signed-in subscriber's account: state, open invoices, usage and top-ups on sale")
    Mono<Account> account(@RequestHeader(SESSION) String token, @RequestHeader(HOST) String host) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return inSession(token, host, session -> {
            WorkspaceId workspace = session.workspace();
            return Mono.zip(
                            subscriber(session),
                            workspaces.find(workspace),
                            payments.invoices(
                                            workspace, session.subscriber(), Optional.of(Invoice.Status.OPEN), MAX_ROWS)
                                    .collectList(),
                            usage.usage(workspace, session.subscriber()),
                            usage.productsOnSale(workspace).collectList(),
                            paymentSettings
                                    .active(workspace)
                                    .map(active -> Optional.of(active.provider()))
                                    .defaultIfEmpty(Optional.empty()))
                    .map(found -> {
                        Subscriber subscriber = found.getT1();
                        String currency = found.getT2().currency();
                        var open = found.getT3().stream()
                                .sorted(Comparator.comparing(Invoice::dueDate))
                                .map(i -> new Bill(
                                        i.id(),
                                        i.number(),
                                        i.amount(),
                                        i.currency(),
                                        i.dueDate(),
                                        i.dueDate().isBefore(today)))
                                .toList();
                        var due = open.stream().map(Bill::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                        // Data on top of an unlimited plan would add nothing: nothing to offer.
                        boolean capped = found.getT4().allowanceBytes() != null;
                        var offers = found.getT5().stream()
                                .filter(p -> capped)
                                .map(p -> new Offer(
                                        p.id(), p.name(), p.bytes(), p.price(), p.currency(), p.validityDays()))
                                .toList();
                        return new Account(
                                subscriber.name(),
                                subscriber.accountNumber(),
                                subscriber.email(),
                                subscriber.state(),
                                subscriber.stateChangedAt(),
                                subscriber.stateVersion(),
                                open,
                                due,
                                currency,
                                found.getT4(),
                                offers,
                                found.getT6().orElse(null));
                    });
        });
    }

    record State(SubscriberState state, long stateVersion, Instant since) {}

    @GetMapping("/internal/portal/account/state")
    @Operation(summary = "Only the subscriber's state, for the portal to watch for 'service restored'")
    Mono<State> state(@RequestHeader(SESSION) String token, @RequestHeader(HOST) String host) {
        return inSession(token, host, session -> subscriber(session))
                .map(s -> new State(s.state(), s.stateVersion(), s.stateChangedAt()));
    }

    @GetMapping("/internal/portal/invoices")
    @Operation(summary = "The subscriber's invoices, newest first")
    Mono<List<Invoice>> invoices(@RequestHeader(SESSION) String token, @RequestHeader(HOST) String host) {
        return inSession(token, host, session -> payments.invoices(
                        session.workspace(), session.subscriber(), Optional.empty(), MAX_ROWS)
                .sort(Comparator.comparing(Invoice::issuedAt).reversed())
                .collectList());
    }

    @GetMapping("/internal/portal/payments")
    @Operation(summary = "The subscriber's payments (receipts), newest first")
    Mono<List<Payment>> receipts(@RequestHeader(SESSION) String token, @RequestHeader(HOST) String host) {
        return inSession(token, host, session -> payments.payments(session.workspace(), session.subscriber(), MAX_ROWS)
                .sort(Comparator.comparing(Payment::receivedAt).reversed())
                .collectList());
    }

    @GetMapping("/internal/portal/invoices/{id}/pdf")
    @Operation(summary = "One of the subscriber's invoices as a PDF")
    Mono<ResponseEntity<byte[]>> invoicePdf(
            @RequestHeader(SESSION) String token, @RequestHeader(HOST) String host, @PathVariable UUID id) {
        return inSession(token, host, session -> payments.invoice(session.workspace(), id)
                        .filter(invoice -> invoice.subscriberId().equals(session.subscriber()))
                        .switchIfEmpty(Mono.error(new NotFoundException("invoice")))
                        .zipWith(parties(session)))
                .flatMap(found -> render(() -> BillingDocuments.invoice(
                        found.getT2().from(),
                        found.getT2().to(),
                        new InvoiceDocument(
                                found.getT1().number(),
                                found.getT1().amount(),
                                found.getT1().currency(),
                                LocalDate.ofInstant(found.getT1().issuedAt(), ZoneOffset.UTC),
                                found.getT1().dueDate(),
                                found.getT1().status(),
                                found.getT1().paidAt(),
                                null))))
                .map(pdf -> pdf("invoice-" + id, pdf));
    }

    @GetMapping("/internal/portal/payments/{id}/pdf")
    @Operation(summary = "A receipt for one of the subscriber's payments, as a PDF")
    Mono<ResponseEntity<byte[]>> receiptPdf(
            @RequestHeader(SESSION) String token, @RequestHeader(HOST) String host, @PathVariable UUID id) {
        return inSession(token, host, session -> payments.payment(session.workspace(), id)
                        .filter(payment -> payment.subscriberId().equals(session.subscriber()))
                        .switchIfEmpty(Mono.error(new NotFoundException("payment")))
                        .flatMap(payment -> Mono.zip(
                                Mono.just(payment),
                                Flux.fromIterable(payment.invoiceIds())
                                        .concatMap(invoice -> payments.invoice(session.workspace(), invoice))
                                        .map(invoice ->
                                                new ReceiptLine("Invoice " + invoice.number(), invoice.amount()))
                                        .collectList(),
                                parties(session))))
                .flatMap(found -> render(() -> BillingDocuments.receipt(
                        found.getT3().from(),
                        found.getT3().to(),
                        new ReceiptDocument(
                                found.getT1().id().toString(),
                                found.getT1().amount(),
                                found.getT1().currency(),
                                found.getT1().receivedAt(),
                                found.getT1().provider(),
                                found.getT1().providerReference(),
                                found.getT2()))))
                .map(pdf -> pdf("receipt-" + id, pdf));
    }

    /** Who a document is from and to. */
    private record Parties(Letterhead from, BillTo to) {}

    private Mono<Parties> parties(PortalSessions.Session session) {
        return Mono.zip(
                        workspaces.find(session.workspace()),
                        workspaces.settings(session.workspace()),
                        subscriber(session))
                .map(found -> new Parties(
                        new Letterhead(
                                found.getT1().displayName(),
                                found.getT2().branding().primaryColor(),
                                found.getT2().branding().note()),
                        new BillTo(
                                found.getT3().name(),
                                found.getT3().accountNumber(),
                                found.getT3().email())));
    }

    /** PDF rendering is CPU work: off the event loop. */
    private static Mono<byte[]> render(java.util.concurrent.Callable<byte[]> document) {
        return Mono.fromCallable(document).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    record StartCheckout(@NotNull Checkout.Purpose purpose, UUID productId) {}

    /** A checkout as the portal needs it: where to send the subscriber, and whether it is over. */
    record CheckoutView(
            UUID id,
            Checkout.Purpose purpose,
            PaymentProvider provider,
            BigDecimal amount,
            String currency,
            Checkout.Status status,
            String redirectUrl,
            Instant expiresAt) {

        static CheckoutView of(Checkout c) {
            return new CheckoutView(
                    c.id(),
                    c.purpose(),
                    c.provider(),
                    c.amount(),
                    c.currency(),
                    c.status(),
                    c.redirectUrl(),
                    c.expiresAt());
        }
    }

    @PostMapping("/internal/portal/checkouts")
    @Operation(
            summary = "Start paying: all open invoices (PAY) or a top-up (TOP_UP with productId)",
            description = "Answers where to send the subscriber. An open checkout for the same thing is reused."
                    + " 409 when there is nothing to pay or the workspace takes no online payments.")
    Mono<ResponseEntity<CheckoutView>> startCheckout(
            @RequestHeader(SESSION) String token,
            @RequestHeader(HOST) String host,
            @RequestBody @Valid StartCheckout request) {
        return session(token, host)
                .flatMap(session -> transactions
                        .inWorkspace(session.workspace(), () -> subscriber(session))
                        .flatMap(subscriber -> checkouts.start(
                                session.workspace(),
                                subscriber,
                                request.purpose(),
                                request.productId(),
                                HostName.parse(host).value())))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(CheckoutView.of(c)));
    }

    @GetMapping("/internal/portal/checkouts/{id}")
    @Operation(summary = "One of the subscriber's checkouts")
    Mono<CheckoutView> checkout(
            @RequestHeader(SESSION) String token, @RequestHeader(HOST) String host, @PathVariable UUID id) {
        return session(token, host)
                .flatMap(session -> checkouts.find(session.workspace(), session.subscriber(), id))
                .switchIfEmpty(Mono.error(new NotFoundException("checkout")))
                .map(CheckoutView::of);
    }

    @PostMapping("/internal/portal/checkouts/{id}/sandbox-payment")
    @Operation(
            summary = "Pay a sandbox checkout (no money moves)",
            description = "404 unless the platform's sandbox is switched on and the checkout is the subscriber's"
                    + " sandbox checkout.")
    Mono<CheckoutView> paySandbox(
            @RequestHeader(SESSION) String token, @RequestHeader(HOST) String host, @PathVariable UUID id) {
        return session(token, host)
                .flatMap(session -> checkouts.completeInSandbox(session.workspace(), session.subscriber(), id))
                .map(CheckoutView::of);
    }

    private Mono<Subscriber> subscriber(PortalSessions.Session session) {
        return subscribers
                .find(session.workspace(), session.subscriber())
                .filter(s -> s.accountNumber().equals(session.accountNumber()))
                .switchIfEmpty(Mono.error(sessionEnded("the account of this session no longer exists")));
    }

    /** {@code work} for the session's subscriber, in a transaction of the session's workspace. */
    private <T> Mono<T> inSession(String token, String host, Function<PortalSessions.Session, Mono<T>> work) {
        return session(token, host)
                .flatMap(session -> transactions.inWorkspace(session.workspace(), () -> work.apply(session)));
    }

    /** The session, valid on this host only: a session of one workspace opens nothing on another's host. */
    private Mono<PortalSessions.Session> session(String token, String host) {
        return sessions.find(token)
                .switchIfEmpty(Mono.error(sessionEnded("the session is unknown or over")))
                .flatMap(session -> workspaceOf(host)
                        .filter(session.workspace()::equals)
                        .switchIfEmpty(Mono.error(sessionEnded("the session belongs to another host")))
                        .thenReturn(session));
    }

    /** The account's subscriber, if there is an email address on file to send to (never one typed). */
    private Mono<Subscriber> withEmailOnFile(WorkspaceId workspace, String accountNumber) {
        return subscribers
                .findByAccount(workspace, accountNumber)
                .filter(s -> s.email() != null && !s.email().isBlank());
    }

    private Mono<WorkspaceId> workspaceOf(String host) {
        try {
            return workspaces.byReminderHost(HostName.parse(host));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    private static UnprocessableException sessionEnded(String detail) {
        return new UnprocessableException("portal-session-ended", "Portal session ended", detail, Map.of());
    }
}
