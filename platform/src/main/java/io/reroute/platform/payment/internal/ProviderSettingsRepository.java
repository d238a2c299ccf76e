package io.reroute.platform.payment.internal;

import io.reroute.platform.payment.PaymentProvider;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** A workspace's payment provider and its sealed secrets. Calls run inside a workspace transaction. */
@Repository
public class ProviderSettingsRepository {

    /** As stored: the secrets still sealed. */
    public record Stored(PaymentProvider provider, String sealedSecretKey, String sealedWebhookSecret) {

        @Override
        public String toString() {
            return "Stored[provider=" + provider + ", secrets=<sealed>]";
        }
    }

    private final DatabaseClient db;

    ProviderSettingsRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Stored> find(WorkspaceId workspace) {
        return db.sql("SELECT provider, stripe_secret_key, stripe_webhook_secret FROM workspace_payment_provider"
                        + " WHERE workspace_id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> new Stored(
                        PaymentProvider.valueOf(row.get("provider", String.class)),
                        row.get("stripe_secret_key", String.class),
                        row.get("stripe_webhook_secret", String.class)))
                .one();
    }

    public Mono<Void> save(WorkspaceId workspace, Stored settings, Instant at, String by) {
        return db.sql("INSERT INTO workspace_payment_provider (workspace_id, provider, stripe_secret_key,"
                        + " stripe_webhook_secret, updated_at, updated_by) VALUES (:workspace, :provider, :key, :hook,"
                        + " :at, :by) ON CONFLICT (workspace_id) DO UPDATE SET provider = EXCLUDED.provider,"
                        + " stripe_secret_key = EXCLUDED.stripe_secret_key,"
                        + " stripe_webhook_secret = EXCLUDED.stripe_webhook_secret, updated_at = EXCLUDED.updated_at,"
                        + " updated_by = EXCLUDED.updated_by")
                .bind("workspace", workspace.value())
                .bind("provider", settings.provider().name())
                .bind("key", Parameter.fromOrEmpty(settings.sealedSecretKey(), String.class))
                .bind("hook", Parameter.fromOrEmpty(settings.sealedWebhookSecret(), String.class))
                .bind("at", at)
                .bind("by", by)
                .fetch()
                .rowsUpdated()
                .then();
    }
}
