package io.reroute.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.web.FieldError;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    @Test
    void everyKindHasADefaultThatPassesTheCheck() {
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(MailTemplates.defaultFor(kind)).as(kind.name()).isNotNull();
            assertThat(MailTemplates.check(MailTemplates.defaultFor(kind)))
                    .as(kind.name())
                    .isEmpty();
        }
    }

    @Test
    void aTypoIsFoundInEitherBranchOfASection() {
        assertThat(MailTemplates.check(new MailTemplate("s", "{{#capped}}{{dataUsd}}{{/capped}}")))
                .extracting(FieldError::field)
                .containsExactly("body");
        assertThat(MailTemplates.check(new MailTemplate("{{^capped}}{{usagePercnt}}{{/capped}}", "b")))
                .extracting(FieldError::field)
                .containsExactly("subject");
    }

    @Test
    void theDefaultUsageAlertLeavesOutWhatIsUnknown() {
        var variables = new HashMap<String, Object>(Map.of(
                "subscriberName", "Ann",
                "ispName", "Hill Fibre",
                "usagePercent", "80",
                "dataUsed", "8.0 GB",
                "dataRemaining", "",
                "cycleResets", "2026-12-01",
                "capped", false,
                "payLink", "https://pay.example/link/x",
                "supportNote", ""));
        var mail = MailTemplates.compile(MailTemplates.defaultFor(NotificationKind.USAGE_ALERT))
                .render(variables);
        assertThat(mail.subject()).isEqualTo("Hill Fibre: you have used 80% of your data");
        assertThat(mail.body())
                .startsWith("Hello Ann,\n\nyou have used 80% of your data for this cycle: 8.0 GB so far."
                        + " Your data resets on 2026-12-01.")
                .contains("\n\nhttps://pay.example/link/x\n")
                .doesNotContain("left")
                .doesNotContain("all the data");
    }
}
