package io.reroute.platform.staff.internal;

import io.reroute.platform.staff.StaffTokenCheck;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ends a staff member's sessions at once (disabled, role or password changed): tokens issued before
 * that moment are refused by every replica, for as long as such a token could still be valid.
 */
@Component
public class StaffRevocations implements StaffTokenCheck {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final ReactiveStringRedisTemplate redis;
    private final Duration remember;

    public StaffRevocations(ReactiveStringRedisTemplate redis, StaffProperties properties) {
        this.redis = redis;
        this.remember = properties.sessionTtl().plus(CLOCK_SKEW);
    }

    public Mono<Void> endSessions(WorkspaceId workspace, UUID staffId, Instant at) {
        return redis.opsForValue()
                .set(key(workspace, staffId), Long.toString(at.getEpochSecond()), remember)
                .then();
    }

    @Override
    public Mono<Boolean> stillValid(WorkspaceId workspace, UUID staffId, Instant issuedAt) {
        return redis.opsForValue()
                .get(key(workspace, staffId))
                // A token issued in the same second as the change is refused too: seconds are all iat has.
                .map(after -> issuedAt.getEpochSecond() > Long.parseLong(after))
                .defaultIfEmpty(true);
    }

    private static String key(WorkspaceId workspace, UUID staffId) {
        return "ws:" + workspace + ":staff-sessions-ended:" + staffId;
    }
}
