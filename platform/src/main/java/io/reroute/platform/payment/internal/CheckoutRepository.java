package io.reroute.platform.payment.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.payment.Checkout;
import io.reroute.platform.payment.PaymentProvider;
import io.reroute.platform.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Checkouts and the provider events applied to them. Every call runs inside a workspace transaction. */
@Repository
public class CheckoutRepository {

    private static final String COLUMNS =
            "id, subscriber_id, purpose, provider, invoice_ids, top_up_product_id, amount,"
                    + " currency, status, provider_session_id, redirect_url, payment_id, created_at, expires_at, completed_at";

    private final DatabaseClient db;

    CheckoutRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(WorkspaceId workspace, Checkout checkout) {
        return db.sql("INSERT INTO checkout (workspace_id, id, subscriber_id, purpose, provider, invoice_ids,"
                        + " top_up_product_id, amount, currency, status, provider_session_id, redirect_url, created_at,"
                        + " expires_at) VALUES (:workspace, :id, :subscriber, :purpose, :provider, :invoices, :product,"
                        + " :amount, :currency, :status, :session, :url, :created, :expires)")
                .bind("workspace", workspace.value())
                .bind("id", checkout.id())
                .bind("subscriber", checkout.subscriberId())
                .bind("purpose", checkout.purpose().name())
                .bind("provider", checkout.provider().name())
                .bind("invoices", checkout.invoiceIds().toArray(UUID[]::new))
                .bind("product", Parameter.fromOrEmpty(checkout.topUpProductId(), UUID.class))
                .bind("amount", checkout.amount())
                .bind("currency", checkout.currency())
                .bind("status", checkout.status().name())
                .bind("session", Parameter.fromOrEmpty(checkout.providerSessionId(), String.class))
                .bind("url", Parameter.fromOrEmpty(checkout.redirectUrl(), String.class))
                .bind("created", checkout.createdAt())
                .bind("expires", checkout.expiresAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** The checkout, locked until the transaction ends when {@code lock}. */
    public Mono<Checkout> find(WorkspaceId workspace, UUID id, boolean lock) {
        return db.sql("SELECT " + COLUMNS + " FROM checkout WHERE workspace_id = :workspace AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(CheckoutRepository::read)
                .one();
    }

    /** The checkout a provider knows by its own session id, locked until the transaction ends. */
    public Mono<Checkout> lockByProviderSession(WorkspaceId workspace, PaymentProvider provider, String sessionId) {
        return db.sql("SELECT " + COLUMNS + " FROM checkout WHERE workspace_id = :workspace AND provider = :provider"
                        + " AND provider_session_id = :session FOR UPDATE")
                .bind("workspace", workspace.value())
                .bind("provider", provider.name())
                .bind("session", sessionId)
                .map(CheckoutRepository::read)
                .one();
    }

    /** The subscriber's open checkouts of one purpose, to reuse instead of starting another. */
    public Flux<Checkout> open(WorkspaceId workspace, UUID subscriber, Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM checkout WHERE workspace_id = :workspace"
                        + " AND subscriber_id = :subscriber AND status = 'OPEN' AND expires_at > :now"
                        + " ORDER BY created_at DESC")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("now", now)
                .map(CheckoutRepository::read)
                .all();
    }

    /** Where the provider took the checkout: its session id and the page to send the subscriber to. */
    public Mono<Void> attach(WorkspaceId workspace, UUID id, String sessionId, String url) {
        return db.sql("UPDATE checkout SET provider_session_id = :session, redirect_url = :url"
                        + " WHERE workspace_id = :workspace AND id = :id")
                .bind("session", sessionId)
                .bind("url", url)
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Void> complete(WorkspaceId workspace, UUID id, UUID payment, Instant at) {
        return db.sql("UPDATE checkout SET status = 'COMPLETED', payment_id = :payment, completed_at = :at,"
                        + " redirect_url = NULL WHERE workspace_id = :workspace AND id = :id")
                .bind("payment", Parameter.fromOrEmpty(payment, UUID.class))
                .bind("at", at)
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Ends an open checkout without payment; a completed one stays completed. */
    public Mono<Void> end(WorkspaceId workspace, UUID id, Checkout.Status status, Instant at) {
        return db.sql("UPDATE checkout SET status = :status, completed_at = :at, redirect_url = NULL"
                        + " WHERE workspace_id = :workspace AND id = :id AND status = 'OPEN'")
                .bind("status", status.name())
                .bind("at", at)
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Records a provider's event; false when it was recorded before (a webhook delivered again). */
    public Mono<Boolean> firstDelivery(
            WorkspaceId workspace, PaymentProvider provider, String eventId, String type, Instant at) {
        return db.sql("INSERT INTO payment_provider_event (workspace_id, provider, event_id, type, received_at)"
                        + " VALUES (:workspace, :provider, :event, :type, :at) ON CONFLICT DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("provider", provider.name())
                .bind("event", eventId)
                .bind("type", type)
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static Checkout read(Readable row) {
        UUID[] invoices = row.get("invoice_ids", UUID[].class);
        return new Checkout(
                row.get("id", UUID.class),
                row.get("subscriber_id", UUID.class),
                Checkout.Purpose.valueOf(row.get("purpose", String.class)),
                PaymentProvider.valueOf(row.get("provider", String.class)),
                invoices == null ? java.util.List.of() : Arrays.asList(invoices),
                row.get("top_up_product_id", UUID.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                Checkout.Status.valueOf(row.get("status", String.class)),
                row.get("provider_session_id", String.class),
                row.get("redirect_url", String.class),
                row.get("payment_id", UUID.class),
                row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class),
                row.get("completed_at", Instant.class));
    }
}
