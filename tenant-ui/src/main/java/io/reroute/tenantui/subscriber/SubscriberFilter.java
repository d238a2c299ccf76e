package io.reroute.tenantui.subscriber;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the subscriber list is filtered by. Kept in the address bar's query parameters, so that a
 * link to the list reproduces the view.
 */
record SubscriberFilter(SubscriberState state, UUID planId, UUID nasId, boolean overdue, String q) {

    static final SubscriberFilter NONE = new SubscriberFilter(null, null, null, false, null);

    SubscriberFilter {
        q = q == null || q.isBlank() ? null : q.strip();
    }

    /** Reads the query parameters, ignoring any that do not parse. */
    static SubscriberFilter from(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        return new SubscriberFilter(
                parse(first(values, "state"), SubscriberState::valueOf),
                parse(first(values, "plan"), UUID::fromString),
                parse(first(values, "nas"), UUID::fromString),
                "true".equals(first(values, "overdue")),
                first(values, "q"));
    }

    QueryParameters toQueryParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        if (state != null) {
            values.put("state", state.name());
        }
        if (planId != null) {
            values.put("plan", planId.toString());
        }
        if (nasId != null) {
            values.put("nas", nasId.toString());
        }
        if (overdue) {
            values.put("overdue", "true");
        }
        if (q != null) {
            values.put("q", q);
        }
        return QueryParameters.simple(values);
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.getFirst();
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
