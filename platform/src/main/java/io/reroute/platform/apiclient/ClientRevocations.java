package io.reroute.platform.apiclient;

import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers revoked API clients in Redis for as long as one of their tokens could still be valid,
 * so every platform replica rejects those tokens at once.
 */
@Component
public class ClientRevocations {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final ReactiveStringRedisTemplate redis;
    private final Duration remember;

    public ClientRevocations(ReactiveStringRedisTemplate redis, SecurityProperties security) {
        this.redis = redis;
        this.remember = security.tokenTtl().plus(CLOCK_SKEW);
    }

    public Mono<Void> revoke(WorkspaceId workspace, String clientId) {
        return redis.opsForValue().set(key(workspace, clientId), "1", remember).then();
    }

    public Mono<Boolean> isRevoked(WorkspaceId workspace, String clientId) {
        return redis.hasKey(key(workspace, clientId));
    }

    private static String key(WorkspaceId workspace, String clientId) {
        return "ws:" + workspace + ":revoked-client:" + clientId;
    }
}
