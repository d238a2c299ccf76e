package io.reroute.platform.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.notification.NotificationKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTextsTest {

    @Test
    void aUsageAlertFitsOneSmsBeforeTheLinkEvenWithALongName() {
        var variables = variables("Northern Valley Community Broadband", "1.5 TB", "999.9 GB", false);
        String text = SmsTexts.render(NotificationKind.USAGE_ALERT, variables).orElseThrow();
        assertThat(text)
                .isEqualTo(
                        "Northern Valley Community Broadband: you have used 100% of your data (1.5 TB, 999.9 GB left)."
                                + " It resets on 2026-12-31. Top up:")
                .hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void cappedSaysSoAndUnknownRemainingAndNoLinkAreLeftOut() {
        assertThat(SmsTexts.render(NotificationKind.USAGE_ALERT, variables("Hill Fibre", "10.0 GB", "", true)))
                .contains("Hill Fibre: you have used all your data (10.0 GB). Service is limited until 2026-12-31."
                        + " Top up:");
        var withoutLink = variables("Hill Fibre", "8.0 GB", "", false);
        withoutLink.put("payLink", "");
        assertThat(SmsTexts.render(NotificationKind.USAGE_ALERT, withoutLink))
                .contains("Hill Fibre: you have used 100% of your data (8.0 GB). It resets on 2026-12-31.");
    }

    @Test
    void onlyUsageAlertsHaveAnSmsText() {
        assertThat(SmsTexts.render(NotificationKind.REMINDER, variables("Hill Fibre", "", "", false)))
                .isEmpty();
    }

    private static Map<String, Object> variables(String isp, String used, String remaining, boolean capped) {
        var variables = new HashMap<String, Object>();
        variables.put("ispName", isp);
        variables.put("usagePercent", "100");
        variables.put("dataUsed", used);
        variables.put("dataRemaining", remaining);
        variables.put("cycleResets", "2026-12-31");
        variables.put("capped", capped);
        variables.put("payLink", "https://pay.example/link/x");
        return variables;
    }
}
