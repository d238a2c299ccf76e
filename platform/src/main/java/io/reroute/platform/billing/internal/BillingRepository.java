package io.reroute.platform.billing.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.billing.DataCap;
import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.Payment;
import io.reroute.platform.billing.Plan;
import io.reroute.platform.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Plans, invoices and payments. Every call runs inside a workspace transaction and names the workspace. */
@Repository
public class BillingRepository {

    private static final String INVOICE_COLUMNS =
            "id, subscriber_id, number, amount, currency, due_date, status, issued_at, paid_at, voided_at, payment_id";
    private static final String PLAN_COLUMNS =
            "id, name, price, currency, billing_cycle, download_kbps, upload_kbps, created_at, data_allowance_bytes,"
                    + " cycle_anchor, cycle_day, rollover_enabled, rollover_max_bytes, rollover_cycles, alert_thresholds,"
                    + " cap_action, throttle_download_kbps, throttle_upload_kbps";
    private static final String PAYMENT_COLUMNS =
            "id, subscriber_id, provider, provider_reference, amount, currency, invoice_ids, received_at";

    private final DatabaseClient db;

    BillingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<String> workspaceCurrency(WorkspaceId workspace) {
        return db.sql("SELECT currency FROM workspace WHERE id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> row.get("currency", String.class))
                .one();
    }

    Mono<Boolean> subscriberExists(WorkspaceId workspace, UUID subscriber) {
        return db.sql("SELECT 1 FROM subscriber WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .fetch()
                .first()
                .hasElement();
    }

    Mono<Void> insertPlan(WorkspaceId workspace, Plan plan) {
        DataCap cap = plan.dataCap();
        var rollover = cap == null ? null : cap.rollover();
        var throttle = cap == null ? null : cap.throttle();
        return db.sql("INSERT INTO plan (workspace_id, id, name, price, currency, billing_cycle, download_kbps,"
                        + " upload_kbps, data_allowance_bytes, cycle_anchor, cycle_day, rollover_enabled,"
                        + " rollover_max_bytes, rollover_cycles, alert_thresholds, cap_action, throttle_download_kbps,"
                        + " throttle_upload_kbps, created_at, updated_at) VALUES (:workspace, :id, :name, :price,"
                        + " :currency, :cycle, :down, :up, :allowance, :anchor, :day, :rollover, :rolloverMax,"
                        + " :rolloverCycles, :thresholds, :action, :throttleDown, :throttleUp, :at, :at)")
                .bind("workspace", workspace.value())
                .bind("allowance", Parameter.fromOrEmpty(cap == null ? null : cap.allowanceBytes(), Long.class))
                .bind(
                        "anchor",
                        cap == null
                                ? DataCap.CycleAnchor.DAY_OF_MONTH.name()
                                : cap.cycleAnchor().name())
                .bind("day", (short) (cap == null || cap.cycleDay() == null ? 1 : cap.cycleDay()))
                .bind("rollover", rollover != null)
                .bind("rolloverMax", Parameter.fromOrEmpty(rollover == null ? null : rollover.maxBytes(), Long.class))
                .bind("rolloverCycles", (short) (rollover == null ? 1 : rollover.cycles()))
                .bind(
                        "thresholds",
                        (cap == null ? DataCap.DEFAULT_THRESHOLDS : cap.alertThresholds())
                                .stream().map(Integer::shortValue).toArray(Short[]::new))
                .bind(
                        "action",
                        cap == null
                                ? DataCap.CapAction.REDIRECT.name()
                                : cap.capAction().name())
                .bind(
                        "throttleDown",
                        Parameter.fromOrEmpty(throttle == null ? null : throttle.downloadKbps(), Integer.class))
                .bind(
                        "throttleUp",
                        Parameter.fromOrEmpty(throttle == null ? null : throttle.uploadKbps(), Integer.class))
                .bind("id", plan.id())
                .bind("name", plan.name())
                .bind("price", plan.price())
                .bind("currency", plan.currency())
                .bind("cycle", plan.billingCycle().name())
                .bind("down", plan.downloadKbps())
                .bind("up", plan.uploadKbps())
                .bind("at", plan.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Plan> findPlan(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + PLAN_COLUMNS + " FROM plan WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(BillingRepository::readPlan)
                .one();
    }

    Flux<Plan> listPlans(WorkspaceId workspace) {
        return db.sql("SELECT " + PLAN_COLUMNS + " FROM plan WHERE workspace_id = :workspace ORDER BY name")
                .bind("workspace", workspace.value())
                .map(BillingRepository::readPlan)
                .all();
    }

    public Mono<Void> insertInvoice(WorkspaceId workspace, Invoice invoice) {
        return db.sql(
                        "INSERT INTO invoice (workspace_id, id, subscriber_id, number, amount, currency, due_date, status,"
                                + " issued_at) VALUES (:workspace, :id, :subscriber, :number, :amount, :currency, :due, 'OPEN', :at)")
                .bind("workspace", workspace.value())
                .bind("id", invoice.id())
                .bind("subscriber", invoice.subscriberId())
                .bind("number", invoice.number())
                .bind("amount", invoice.amount())
                .bind("currency", invoice.currency())
                .bind("due", invoice.dueDate())
                .bind("at", invoice.issuedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Invoice> findInvoice(WorkspaceId workspace, UUID id, boolean lock) {
        return db.sql("SELECT " + INVOICE_COLUMNS + " FROM invoice WHERE workspace_id = :workspace AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(BillingRepository::readInvoice)
                .one();
    }

    /** The given invoices that exist in the workspace, locked until the transaction ends. */
    public Flux<Invoice> lockInvoices(WorkspaceId workspace, List<UUID> ids) {
        return db.sql("SELECT " + INVOICE_COLUMNS + " FROM invoice WHERE workspace_id = :workspace AND id = ANY(:ids)"
                        + " ORDER BY id FOR UPDATE")
                .bind("workspace", workspace.value())
                .bind("ids", ids.toArray(UUID[]::new))
                .map(BillingRepository::readInvoice)
                .all();
    }

    public Flux<Invoice> listInvoices(
            WorkspaceId workspace,
            Optional<UUID> subscriber,
            Optional<Invoice.Status> status,
            int limit,
            Optional<UUID> after) {
        Map<String, Object> values = new HashMap<>();
        values.put("workspace", workspace.value());
        values.put("limit", limit);
        subscriber.ifPresent(s -> values.put("subscriber", s));
        status.ifPresent(s -> values.put("status", s.name()));
        after.ifPresent(a -> values.put("after", a));
        return db.sql("SELECT " + INVOICE_COLUMNS + " FROM invoice WHERE workspace_id = :workspace"
                        + subscriber
                                .map(s -> " AND subscriber_id = :subscriber")
                                .orElse("")
                        + status.map(s -> " AND status = :status").orElse("")
                        + after.map(a -> " AND id > :after").orElse("")
                        + " ORDER BY id LIMIT :limit")
                .bindValues(values)
                .map(BillingRepository::readInvoice)
                .all();
    }

    Mono<Void> voidInvoice(WorkspaceId workspace, UUID id, Instant at) {
        return db.sql(
                        "UPDATE invoice SET status = 'VOID', voided_at = :at WHERE workspace_id = :workspace AND id = :id")
                .bind("at", at)
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Void> markPaid(WorkspaceId workspace, List<UUID> ids, UUID payment, Instant at) {
        return db.sql("UPDATE invoice SET status = 'PAID', paid_at = :at, payment_id = :payment"
                        + " WHERE workspace_id = :workspace AND id = ANY(:ids) AND status = 'OPEN'")
                .bind("at", at)
                .bind("payment", payment)
                .bind("workspace", workspace.value())
                .bind("ids", ids.toArray(UUID[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Void> insertPayment(WorkspaceId workspace, Payment payment) {
        return db.sql("INSERT INTO payment (workspace_id, id, subscriber_id, provider, provider_reference, amount,"
                        + " currency, invoice_ids, received_at) VALUES (:workspace, :id, :subscriber, :provider, :reference,"
                        + " :amount, :currency, :invoices, :at)")
                .bind("workspace", workspace.value())
                .bind("id", payment.id())
                .bind("subscriber", payment.subscriberId())
                .bind("provider", payment.provider())
                .bind("reference", payment.providerReference())
                .bind("amount", payment.amount())
                .bind("currency", payment.currency())
                .bind("invoices", payment.invoiceIds().toArray(UUID[]::new))
                .bind("at", payment.receivedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Payment> findPayment(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(BillingRepository::readPayment)
                .one();
    }

    public Flux<Payment> listPayments(
            WorkspaceId workspace, Optional<UUID> subscriber, int limit, Optional<UUID> after) {
        Map<String, Object> values = new HashMap<>();
        values.put("workspace", workspace.value());
        values.put("limit", limit);
        subscriber.ifPresent(s -> values.put("subscriber", s));
        after.ifPresent(a -> values.put("after", a));
        return db.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE workspace_id = :workspace"
                        + subscriber
                                .map(s -> " AND subscriber_id = :subscriber")
                                .orElse("")
                        + after.map(a -> " AND id > :after").orElse("")
                        + " ORDER BY id LIMIT :limit")
                .bindValues(values)
                .map(BillingRepository::readPayment)
                .all();
    }

    private static Plan readPlan(Readable row) {
        return new Plan(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("price", BigDecimal.class),
                row.get("currency", String.class),
                Plan.BillingCycle.valueOf(row.get("billing_cycle", String.class)),
                row.get("download_kbps", Integer.class),
                row.get("upload_kbps", Integer.class),
                readDataCap(row),
                row.get("created_at", Instant.class));
    }

    private static DataCap readDataCap(Readable row) {
        Long allowance = row.get("data_allowance_bytes", Long.class);
        if (allowance == null) {
            return null;
        }
        var anchor = DataCap.CycleAnchor.valueOf(row.get("cycle_anchor", String.class));
        var action = DataCap.CapAction.valueOf(row.get("cap_action", String.class));
        Short[] thresholds = row.get("alert_thresholds", Short[].class);
        return new DataCap(
                allowance,
                anchor,
                anchor == DataCap.CycleAnchor.DAY_OF_MONTH
                        ? row.get("cycle_day", Short.class).intValue()
                        : null,
                Boolean.TRUE.equals(row.get("rollover_enabled", Boolean.class))
                        ? new DataCap.Rollover(
                                row.get("rollover_max_bytes", Long.class),
                                row.get("rollover_cycles", Short.class).intValue())
                        : null,
                Arrays.stream(thresholds).map(Short::intValue).toList(),
                action,
                action == DataCap.CapAction.THROTTLE
                        ? new DataCap.Throttle(
                                row.get("throttle_download_kbps", Integer.class),
                                row.get("throttle_upload_kbps", Integer.class))
                        : null);
    }

    private static Invoice readInvoice(Readable row) {
        return new Invoice(
                row.get("id", UUID.class),
                row.get("subscriber_id", UUID.class),
                row.get("number", String.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                row.get("due_date", LocalDate.class),
                Invoice.Status.valueOf(row.get("status", String.class)),
                row.get("issued_at", Instant.class),
                row.get("paid_at", Instant.class),
                row.get("voided_at", Instant.class),
                row.get("payment_id", UUID.class));
    }

    private static Payment readPayment(Readable row) {
        return new Payment(
                row.get("id", UUID.class),
                row.get("subscriber_id", UUID.class),
                row.get("provider", String.class),
                row.get("provider_reference", String.class),
                row.get("amount", BigDecimal.class),
                row.get("currency", String.class),
                Arrays.asList(row.get("invoice_ids", UUID[].class)),
                row.get("received_at", Instant.class));
    }
}
