package io.reroute.tenantui.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff member of the current request (Vaadin requests run on servlet threads). */
@Component
public class CurrentStaff {

    private final Clock clock;

    CurrentStaff(Clock clock) {
        this.clock = clock;
    }

    /** The signed-in staff member, unless nobody is or their platform session has ended. */
    public Optional<StaffPrincipal> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal staff
                && !staff.expired(clock.instant())) {
            return Optional.of(staff);
        }
        return Optional.empty();
    }

    public StaffPrincipal require() {
        return get().orElseThrow(io.reroute.tenantui.platform.SessionExpiredException::new);
    }

    public Optional<String> accessToken() {
        return get().map(StaffPrincipal::accessToken);
    }

    /** Whether the staff member's role grants an API scope, such as {@code subscribers:write}. */
    public boolean can(String scope) {
        return get().map(staff -> staff.scopes().contains(scope)).orElse(false);
    }
}
