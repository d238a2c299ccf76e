package io.reroute.platform.staff;

import io.reroute.platform.security.ApiScope;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a staff member may do, as the scopes of the tokens they get. Owners and admins run the
 * workspace (only owners manage owners); operators handle subscribers and money but not settings,
 * network or accounts; support can look at everything a subscriber call needs and send reminders.
 */
public enum StaffRole {
    OWNER(EnumSet.allOf(ApiScope.class)),
    ADMIN(EnumSet.allOf(ApiScope.class)),
    OPERATOR(with(
            reads(EnumSet.of(ApiScope.API_CLIENTS_READ, ApiScope.STAFF_READ)),
            ApiScope.SUBSCRIBERS_WRITE,
            ApiScope.SUBSCRIBERS_REMIND,
            ApiScope.INVOICES_WRITE,
            ApiScope.PAYMENTS_WRITE)),
    SUPPORT(with(
            reads(EnumSet.of(ApiScope.API_CLIENTS_READ, ApiScope.STAFF_READ, ApiScope.AUDIT_READ)),
            ApiScope.SUBSCRIBERS_REMIND));

    private final Set<ApiScope> scopes;

    StaffRole(Set<ApiScope> scopes) {
        this.scopes = Collections.unmodifiableSet(scopes);
    }

    public Set<ApiScope> scopes() {
        return scopes;
    }

    private static EnumSet<ApiScope> reads(Set<ApiScope> except) {
        var reads = EnumSet.noneOf(ApiScope.class);
        for (ApiScope scope : ApiScope.values()) {
            if (scope.value().endsWith(":read") && !except.contains(scope)) {
                reads.add(scope);
            }
        }
        return reads;
    }

    private static EnumSet<ApiScope> with(EnumSet<ApiScope> base, ApiScope... more) {
        base.addAll(Set.of(more));
        return base;
    }
}
