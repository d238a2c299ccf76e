package io.reroute.platform.portal.internal;

import io.reroute.platform.crypto.Digests;
import io.reroute.platform.portal.PortalProperties;
import io.reroute.platform.tenancy.WorkspaceId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Subscribers signed in to the portal. The session token is random and opaque; Redis keeps only its
 * hash, with the workspace and subscriber it stands for, for the session's lifetime.
 */
@Component
class PortalSessions {

    /** Who a portal session belongs to; resolved once per request, at the edge. */
    record Session(WorkspaceId workspace, UUID subscriber, String accountNumber, Instant expiresAt) {}

    /** A new session: the token goes to the portal once and is never stored. */
    record Opened(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Opened[expiresAt=" + expiresAt + ", token=<hidden>]";
        }
    }

    private static final String KEY_PREFIX = "reroute:portal-session:";

    private final ReactiveStringRedisTemplate redis;
    private final PortalProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortalSessions(ReactiveStringRedisTemplate redis, PortalProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Opened> open(WorkspaceId workspace, UUID subscriber, String accountNumber) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(properties.sessionTtl());
        String value = workspace + " " + subscriber + " " + expires.toEpochMilli() + " " + accountNumber;
        return redis.opsForValue()
                .set(key(token), value, properties.sessionTtl())
                .thenReturn(new Opened(token, expires));
    }

    /** The live session of a token; empty when unknown or over. */
    Mono<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.empty();
        }
        return redis.opsForValue().get(key(token)).flatMap(value -> {
            String[] parts = value.split(" ", 4);
            var session = new Session(
                    WorkspaceId.parse(parts[0]),
                    UUID.fromString(parts[1]),
                    parts[3],
                    Instant.ofEpochMilli(Long.parseLong(parts[2])));
            return session.expiresAt().isAfter(clock.instant()) ? Mono.just(session) : Mono.empty();
        });
    }

    Mono<Void> close(String token) {
        return redis.delete(key(token)).then();
    }

    private static String key(String token) {
        return KEY_PREFIX + Digests.sha256Hex(token);
    }
}
