package io.reroute.platform.payment;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.payment.internal.ProviderSettingsRepository;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which provider a workspace's subscribers pay through, with its secrets sealed at rest. Calls run
 * inside the caller's workspace transaction.
 */
@Service
public class WorkspacePayments {

    /**
     * What the API shows: never the secrets, only whether they are set.
     *
     * @param provider the provider subscribers pay through; null when the workspace takes no online payments
     * @param stripeWebhookPath where to point the workspace's Stripe webhook, on the platform's public URL
     */
    public record Settings(
            PaymentProvider provider,
            boolean stripeSecretKeySet,
            boolean stripeWebhookSecretSet,
            String stripeWebhookPath) {}

    /** A change; a null secret keeps the one stored. */
    public record Change(PaymentProvider provider, String stripeSecretKey, String stripeWebhookSecret) {

        @Override
        public String toString() {
            return "Change[provider=" + provider + ", secrets=<hidden>]";
        }
    }

    /** The provider in use, with its secrets opened for one call. */
    public record Active(PaymentProvider provider, String stripeSecretKey, String stripeWebhookSecret) {

        @Override
        public String toString() {
            return "Active[provider=" + provider + ", secrets=<hidden>]";
        }
    }

    private final ProviderSettingsRepository repository;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final PaymentsProperties properties;
    private final Clock clock;

    WorkspacePayments(
            ProviderSettingsRepository repository,
            SecretCipher cipher,
            AuditLog audit,
            PaymentsProperties properties,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Settings> settings(WorkspaceId workspace) {
        return repository.find(workspace).map(stored -> view(workspace, stored)).defaultIfEmpty(view(workspace, null));
    }

    public Mono<Settings> change(WorkspaceId workspace, Change change, Actor actor) {
        var errors = new FieldErrors();
        if (change.provider() == null) {
            errors.add("provider", "must be SANDBOX or STRIPE");
        } else if (change.provider() == PaymentProvider.SANDBOX && !properties.sandboxEnabled()) {
            errors.add("provider", "the sandbox is switched off on this platform");
        }
        if (change.stripeSecretKey() != null
                && !change.stripeSecretKey().matches("(sk|rk)_(test|live)_[A-Za-z0-9]{8,}")) {
            errors.add(
                    "stripeSecretKey", "must be a Stripe secret or restricted key (sk_live_..., sk_test_..., rk_...)");
        }
        if (change.stripeWebhookSecret() != null
                && !change.stripeWebhookSecret().matches("whsec_[A-Za-z0-9+/=]{8,}")) {
            errors.add("stripeWebhookSecret", "must be a Stripe webhook signing secret (whsec_...)");
        }
        errors.throwIfAny();
        return repository
                .find(workspace)
                .defaultIfEmpty(new ProviderSettingsRepository.Stored(change.provider(), null, null))
                .flatMap(stored -> {
                    String key = change.stripeSecretKey() == null
                            ? stored.sealedSecretKey()
                            : seal(workspace, "secret-key", change.stripeSecretKey());
                    String hook = change.stripeWebhookSecret() == null
                            ? stored.sealedWebhookSecret()
                            : seal(workspace, "webhook-secret", change.stripeWebhookSecret());
                    if (change.provider() == PaymentProvider.STRIPE) {
                        var missing = new FieldErrors();
                        if (key == null) {
                            missing.add("stripeSecretKey", "is needed for Stripe");
                        }
                        if (hook == null) {
                            missing.add("stripeWebhookSecret", "is needed for Stripe");
                        }
                        missing.throwIfAny();
                    }
                    var saved = new ProviderSettingsRepository.Stored(change.provider(), key, hook);
                    return repository
                            .save(workspace, saved, clock.instant(), actor.subject())
                            .then(audit.record(
                                    workspace,
                                    actor,
                                    "payment-provider.changed",
                                    "workspace/payment-provider",
                                    Map.of(
                                            "provider", change.provider().name(),
                                            "stripeSecretKeyChanged", change.stripeSecretKey() != null,
                                            "stripeWebhookSecretChanged", change.stripeWebhookSecret() != null)))
                            .thenReturn(view(workspace, saved));
                });
    }

    /**
     * The provider subscribers pay through: the workspace's own, else the sandbox where it is switched
     * on; empty when the workspace takes no online payments.
     */
    public Mono<Active> active(WorkspaceId workspace) {
        return repository
                .find(workspace)
                .filter(stored -> stored.provider() != PaymentProvider.SANDBOX || properties.sandboxEnabled())
                .map(stored -> new Active(
                        stored.provider(),
                        open(workspace, "secret-key", stored.sealedSecretKey()),
                        open(workspace, "webhook-secret", stored.sealedWebhookSecret())))
                .switchIfEmpty(Mono.fromSupplier(
                        () -> properties.sandboxEnabled() ? new Active(PaymentProvider.SANDBOX, null, null) : null));
    }

    private Settings view(WorkspaceId workspace, ProviderSettingsRepository.Stored stored) {
        PaymentProvider provider =
                stored == null ? (properties.sandboxEnabled() ? PaymentProvider.SANDBOX : null) : stored.provider();
        return new Settings(
                provider,
                stored != null && stored.sealedSecretKey() != null,
                stored != null && stored.sealedWebhookSecret() != null,
                "/webhooks/stripe/" + workspace);
    }

    private String seal(WorkspaceId workspace, String what, String secret) {
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8), context(workspace, what));
    }

    private String open(WorkspaceId workspace, String what, String sealed) {
        return sealed == null
                ? null
                : new String(cipher.open(sealed, context(workspace, what)), StandardCharsets.UTF_8);
    }

    private static String context(WorkspaceId workspace, String what) {
        return "stripe-" + what + ":" + workspace;
    }
}
