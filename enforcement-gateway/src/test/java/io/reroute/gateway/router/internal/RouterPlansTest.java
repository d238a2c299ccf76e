package io.reroute.gateway.router.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.gateway.router.internal.RouterChange.Action;
import io.reroute.routeros.RouterObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterPlansTest {

    private static final String FILTER = "/ip/firewall/filter";
    private static final RouterObject ALLOW = rule("reroute:filter:allow", "accept");
    private static final RouterObject REJECT = rule("reroute:filter:reject-other", "reject");

    @Test
    void addsWhatIsMissingSetsWhatDiffersAndRemovesOnlyOurGroupsLeftovers() {
        var actual = List.of(
                item("*1", "reroute:filter:allow", "drop"),
                item("*2", "reroute:filter:retired", "drop"),
                item("*3", "reroute:filter:allow", "accept"),
                item("*4", "isp: lan", "accept"),
                item("*5", "reroute:nat:http", "dst-nat"),
                Map.of(".id", "*6", "comment", "reroute:filter:gone", "dynamic", "true"));

        var plan = RouterPlans.plan(FILTER, Set.of("reroute:filter:"), List.of(ALLOW, REJECT), actual);

        assertThat(plan)
                .extracting(c -> c.action() + " " + c.marker() + " " + c.id())
                .containsExactly(
                        "REMOVE reroute:filter:retired *2",
                        "REMOVE reroute:filter:allow *3",
                        "SET reroute:filter:allow *1",
                        "ADD reroute:filter:reject-other null");
        assertThat(plan.getLast().properties()).containsEntry("comment", "reroute:filter:reject-other");
    }

    @Test
    void nothingToDoWhenEverythingIsAsWanted() {
        var actual = List.of(
                item("*1", "reroute:filter:allow", "accept"), item("*2", "reroute:filter:reject-other", "reject"));

        assertThat(RouterPlans.plan(FILTER, Set.of("reroute:filter:"), List.of(ALLOW, REJECT), actual))
                .isEmpty();
        assertThat(RouterPlans.order(FILTER, markers(), actual)).isEmpty();
    }

    @Test
    void ourRulesMoveInOrderAboveTheIspsFirstRuleButBelowDynamicOnes() {
        var actual = List.of(
                Map.of(".id", "*0", "dynamic", "true", "comment", "special dummy rule"),
                item("*1", "isp: lan", "accept"),
                item("*2", "reroute:filter:reject-other", "reject"),
                item("*3", "reroute:filter:allow", "accept"));

        assertThat(RouterPlans.order(FILTER, markers(), actual))
                .extracting(c -> c.action() + " " + c.id() + " before " + c.destination())
                .containsExactly("MOVE *3 before *1", "MOVE *2 before *1");
        assertThat(RouterPlans.order(
                        FILTER, markers(), List.of(actual.get(0), actual.get(3), actual.get(2), actual.get(1))))
                .isEmpty();
    }

    @Test
    void withoutIspRulesOursOnlyNeedTheirOwnOrder() {
        var actual = List.of(
                item("*2", "reroute:filter:reject-other", "reject"), item("*3", "reroute:filter:allow", "accept"));

        assertThat(RouterPlans.order(FILTER, markers(), actual))
                .extracting(RouterChange::action, RouterChange::destination)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.MOVE, null),
                        org.assertj.core.groups.Tuple.tuple(Action.MOVE, null));
    }

    private static List<String> markers() {
        return List.of(ALLOW.marker(), REJECT.marker());
    }

    private static RouterObject rule(String marker, String action) {
        return new RouterObject(FILTER, marker, Map.of("chain", "forward", "action", action));
    }

    private static Map<String, String> item(String id, String comment, String action) {
        return Map.of(".id", id, "comment", comment, "chain", "forward", "action", action);
    }
}
