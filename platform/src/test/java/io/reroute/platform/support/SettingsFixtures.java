package io.reroute.platform.support;

import java.util.Map;
import org.springframework.http.MediaType;

/** Workspace settings set through the public API, for tests. */
public final class SettingsFixtures {

    private SettingsFixtures() {}

    /** Brand, reminder host and mail sender of an ISP called {@code name}; thresholds 3 and 10 days, 15.00. */
    public static void configure(TestWorkspace w, String name, String reminderHost) {
        w.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "displayName",
                        name,
                        "branding",
                        Map.of(
                                "primaryColor", "#0055AA",
                                "accentColor", "#ffaa00",
                                "title", name,
                                "message", "Your account has an overdue balance.",
                                "buttonLabel", "Pay Now",
                                "note", "Questions? Call 0800 123 456"),
                        "reminderHost",
                        reminderHost,
                        "landing",
                        Map.of("ipv4", "203.0.113.10"),
                        "mail",
                        Map.of("fromName", name + " Billing", "fromAddress", "billing@" + reminderHost),
                        "thresholds",
                        Map.of("reminderAfterDays", 3, "blockAfterDays", 10, "minimumAmountToBlock", "15.00")))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
