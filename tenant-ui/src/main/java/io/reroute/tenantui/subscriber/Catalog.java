package io.reroute.tenantui.subscriber;

import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workspace's plans and NAS clients, to name them in lists and offer them as filters. Loaded
 * once per view, and only with the scopes that may read them (empty otherwise).
 */
final class Catalog {

    record Plan(UUID id, String name) {}

    record NasClient(UUID id, String name, String address) {

        String label() {
            return name + " (" + address + ")";
        }
    }

    private record PlanList(List<Plan> items) {}

    private record NasClientList(List<NasClient> items) {}

    private final List<Plan> plans;
    private final List<NasClient> nasClients;
    private final Map<UUID, String> planNames;
    private final Map<UUID, String> nasNames;

    private Catalog(List<Plan> plans, List<NasClient> nasClients) {
        this.plans = plans;
        this.nasClients = nasClients;
        this.planNames = names(plans, Plan::id, Plan::name);
        this.nasNames = names(nasClients, NasClient::id, NasClient::name);
    }

    static Catalog load(PlatformApi api, CurrentStaff staff) {
        List<Plan> plans = staff.can("plans:read")
                ? nonNull(api.get("/api/v1/plans").as(PlanList.class).items())
                : List.of();
        List<NasClient> nasClients = staff.can("network:read")
                ? nonNull(api.get("/api/v1/nas-clients").as(NasClientList.class).items())
                : List.of();
        return new Catalog(plans, nasClients);
    }

    List<Plan> plans() {
        return plans;
    }

    List<NasClient> nasClients() {
        return nasClients;
    }

    /** The plan's name; a short id when it cannot be read. */
    String planName(UUID id) {
        return name(id, planNames);
    }

    String nasName(UUID id) {
        return name(id, nasNames);
    }

    private static String name(UUID id, Map<UUID, String> names) {
        return id == null ? "" : names.getOrDefault(id, id.toString().substring(0, 8));
    }

    private static <T> Map<UUID, String> names(List<T> items, Function<T, UUID> key, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(key, name, (a, b) -> a));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
