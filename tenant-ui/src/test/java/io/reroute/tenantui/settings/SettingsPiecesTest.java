package io.reroute.tenantui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SettingsPiecesTest {

    @Test
    void scopesReadAsTokensWriteThem() {
        assertThat(ApiClient.scope("WORKSPACE_READ")).isEqualTo("workspace:read");
        assertThat(ApiClient.scope("API_CLIENTS_WRITE")).isEqualTo("api-clients:write");
        assertThat(ApiClient.scope("SUBSCRIBERS_REMIND")).isEqualTo("subscribers:remind");
        assertThat(ApiClient.scope("network:read")).isEqualTo("network:read");
    }

    @Test
    void everyScopeTheUiOffersRoundTrips() {
        for (String scope : ApiClient.SCOPES) {
            String constant = scope.replace('-', '_').replace(':', '_').toUpperCase(java.util.Locale.ROOT);
            assertThat(ApiClient.scope(constant)).isEqualTo(scope);
        }
    }

    @Test
    void gigabytesAreDecimal() {
        assertThat(DataSizes.bytes(new BigDecimal("1.5"))).isEqualTo(1_500_000_000L);
        assertThat(DataSizes.bytes(null)).isNull();
        assertThat(DataSizes.gigabytes(250_000_000_000L)).isEqualByComparingTo("250");
        assertThatThrownBy(() -> DataSizes.bytes(new BigDecimal("1e20"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void generatedSecretsAreLongRandomAndPasteable() {
        String secret = Secrets.generate(32);

        assertThat(secret).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(Secrets.generate(32)).isNotEqualTo(secret);
    }

    @Test
    void aSettingsUpdateKeepsWhatAFormDoesNotChange() {
        var settings = new WorkspaceSettings(
                7,
                "Example ISP",
                new WorkspaceSettings.Branding(null, "#1f6feb", "#0b3d91", "Example", "Pay", "Pay now", null),
                "pay.example.net",
                new WorkspaceSettings.Landing("192.0.2.10", null),
                new WorkspaceSettings.MailSender("Billing", "billing@example.net"),
                new WorkspaceSettings.Thresholds(7, 14, new BigDecimal("5.00")),
                new WorkspaceSettings.Radius("reroute-restricted", "1M/1M", null, 300),
                Instant.parse("2026-11-21T10:00:00Z"));

        var update = settings.toUpdate().withReminderHost("portal.example.net");

        assertThat(update.reminderHost()).isEqualTo("portal.example.net");
        assertThat(update.branding()).isEqualTo(settings.branding());
        assertThat(update.landing()).isEqualTo(settings.landing());
        assertThat(update.mail()).isEqualTo(settings.mail());
        assertThat(update.thresholds()).isEqualTo(settings.thresholds());
        assertThat(update.radius()).isEqualTo(settings.radius());
        assertThat(update.displayName()).isEqualTo("Example ISP");
    }

    @Test
    void theUpdateBodyCarriesNoVersionOrTime() {
        var json = JsonMapper.builder().build();
        var settings = new WorkspaceSettings(
                3, "ISP", null, null, null, null, null, null, Instant.parse("2026-11-21T10:00:00Z"));

        String body = json.writeValueAsString(settings.toUpdate());

        // The platform refuses unknown fields: a PUT must not echo what only GET returns.
        assertThat(body).doesNotContain("version").doesNotContain("updatedAt");
    }

    @Test
    void routerChangesAreReadFromJobResults() {
        var json = JsonMapper.builder().build();
        var result = json.readTree("{\"identity\":\"core-1\",\"drift\":[{\"kind\":\"MISSING\","
                + "\"path\":\"/ip/firewall/nat\",\"marker\":\"reroute:dns-udp\"}],\"fixed\":1}");

        assertThat(Router.Change.in(result, "drift"))
                .containsExactly(new Router.Change("MISSING", "/ip/firewall/nat", "reroute:dns-udp"));
        assertThat(Router.Change.in(result, "changes")).isEmpty();
        assertThat(Router.Change.in(null, "drift")).isEmpty();
        assertThat(Router.text(result, "fixed")).isEqualTo("1");
    }

    @Test
    void jobsAreDescribedForPeople() {
        var json = JsonMapper.builder().build();
        var applied = new Router.Job(
                null,
                null,
                "APPLY",
                "SUCCEEDED",
                "staff:1",
                Instant.parse("2026-11-21T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:01Z"),
                json.readTree("{\"identity\":\"core-1\",\"version\":\"7.16.2\",\"changes\":[]}"),
                null);
        var failed = new Router.Job(
                null, null, "TEST", "FAILED", null, Instant.parse("2026-11-21T10:00:00Z"), null, null, "timeout");

        assertThat(RouterJobPanel.describe(applied))
                .contains("Router core-1, RouterOS 7.16.2")
                .contains("Nothing to change");
        assertThat(RouterJobPanel.describe(failed)).endsWith("timeout");
    }
}
