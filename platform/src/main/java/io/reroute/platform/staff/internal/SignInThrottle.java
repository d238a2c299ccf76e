package io.reroute.platform.staff.internal;

import io.reroute.platform.security.FailedAttempts;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failures for one staff account within
 * {@link #WINDOW} that account cannot sign in until the window passes. Counted under the account's
 * workspace.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final FailedAttempts attempts;

    SignInThrottle(FailedAttempts attempts) {
        this.attempts = attempts;
    }

    /** Seconds the account must wait before trying again; 0 when it may try now. */
    public Mono<Long> retryAfter(WorkspaceId workspace, UUID staffId) {
        return attempts.retryAfter(key(workspace, staffId), MAX_FAILURES);
    }

    public Mono<Void> recordFailure(WorkspaceId workspace, UUID staffId) {
        return attempts.record(key(workspace, staffId), WINDOW);
    }

    public Mono<Void> clear(WorkspaceId workspace, UUID staffId) {
        return attempts.clear(key(workspace, staffId));
    }

    private static String key(WorkspaceId workspace, UUID staffId) {
        return "ws:" + workspace + ":staff-sign-in-failures:" + staffId;
    }
}
