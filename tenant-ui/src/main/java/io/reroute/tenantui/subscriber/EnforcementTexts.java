package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.badge.Badge;
import java.util.Map;

/** Words for the gateways' enforcement steps (CoA, Disconnect, RouterOS API) and how they ended. */
public final class EnforcementTexts {

    /** RFC 5176 Error-Cause values a NAS answers a refused CoA or Disconnect with. */
    private static final Map<Integer, String> ERROR_CAUSES = Map.ofEntries(
            Map.entry(201, "Residual session context removed"),
            Map.entry(202, "Invalid EAP packet"),
            Map.entry(401, "Unsupported attribute"),
            Map.entry(402, "Missing attribute"),
            Map.entry(403, "NAS identification mismatch"),
            Map.entry(404, "Invalid request"),
            Map.entry(405, "Unsupported service"),
            Map.entry(406, "Unsupported extension"),
            Map.entry(407, "Invalid attribute value"),
            Map.entry(501, "Administratively prohibited"),
            Map.entry(502, "Request not routable"),
            Map.entry(503, "Session context not found"),
            Map.entry(504, "Session context not removable"),
            Map.entry(505, "Other proxy processing error"),
            Map.entry(506, "Resources unavailable"),
            Map.entry(507, "Request initiated"),
            Map.entry(508, "Multiple session selection unsupported"));

    private static final Map<String, String> ACTIONS =
            Map.of("COA", "CoA", "DISCONNECT", "Disconnect", "ROUTER_API", "Router API");

    private EnforcementTexts() {}

    /** {@code 503 Session context not found}; empty when there is none. */
    public static String errorCause(Integer code) {
        if (code == null) {
            return "";
        }
        String meaning = ERROR_CAUSES.get(code);
        return meaning == null ? String.valueOf(code) : code + " " + meaning;
    }

    public static String action(String action) {
        return action == null ? "" : ACTIONS.getOrDefault(action, action);
    }

    /** Whether the step did what it should: acknowledged, or nothing was left to do. */
    public static boolean succeeded(String outcome) {
        return "ACK".equals(outcome) || "SESSION_GONE".equals(outcome);
    }

    public static Badge outcome(String outcome) {
        var badge = StateBadge.status(outcome == null ? "" : outcome, succeeded(outcome));
        badge.addClassName("enforcement-outcome");
        return badge;
    }
}
