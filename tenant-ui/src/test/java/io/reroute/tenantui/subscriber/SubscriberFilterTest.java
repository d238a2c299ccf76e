package io.reroute.tenantui.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriberFilterTest {

    @Test
    void survivesTheRoundTripThroughTheAddress() {
        var filter = new SubscriberFilter(
                SubscriberState.BLOCKED, UUID.randomUUID(), UUID.randomUUID(), true, "  anna@example.net ");

        var parameters = filter.toQueryParameters();

        assertThat(SubscriberFilter.from(QueryParameters.fromString(parameters.getQueryString())))
                .isEqualTo(filter);
        assertThat(filter.q()).isEqualTo("anna@example.net");
    }

    @Test
    void noFilterIsAnEmptyQuery() {
        assertThat(SubscriberFilter.NONE.toQueryParameters().getQueryString()).isEmpty();
        assertThat(SubscriberFilter.from(QueryParameters.empty())).isEqualTo(SubscriberFilter.NONE);
    }

    @Test
    void ignoresValuesThatDoNotParse() {
        var filter = SubscriberFilter.from(QueryParameters.simple(
                Map.of("state", "SLEEPING", "plan", "not-a-uuid", "nas", "", "overdue", "yes", "q", " ")));

        assertThat(filter).isEqualTo(SubscriberFilter.NONE);
    }

    @Test
    void keepsOnlyTheFiltersSet() {
        var filter = new SubscriberFilter(SubscriberState.WARNED, null, null, false, null);

        assertThat(filter.toQueryParameters().getQueryString()).isEqualTo("state=WARNED");
    }
}
