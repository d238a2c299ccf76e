package io.reroute.platform.token.internal;

import io.reroute.platform.apiclient.ApiClients;
import io.reroute.platform.security.FailedAttempts;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down secret guessing: after {@link #MAX_FAILURES} failed attempts for one client within
 * {@link #WINDOW}, that client gets no token until the window passes. Counters live in Redis under the
 * client's workspace, so every replica shares them. Unknown client ids have nothing to guess.
 */
@Component
class TokenThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final FailedAttempts attempts;
    private final ApiClients clients;

    TokenThrottle(FailedAttempts attempts, ApiClients clients) {
        this.attempts = attempts;
        this.clients = clients;
    }

    /**
     * Where the client stands, from one lookup of its workspace: locked out (with seconds to wait),
     * or free to try, in which case a failure is recorded against the same counter.
     */
    Mono<Standing> check(String clientId) {
        return clients.workspaceOf(clientId)
                .map(workspace -> "ws:" + workspace + ":token-failures:" + clientId)
                .flatMap(key -> attempts.retryAfter(key, MAX_FAILURES).map(wait -> new Standing(key, wait)))
                .defaultIfEmpty(new Standing(null, 0));
    }

    Mono<Void> recordFailure(Standing standing) {
        return standing.key() == null ? Mono.empty() : attempts.record(standing.key(), WINDOW);
    }

    /** The client's failure counter ({@code null} for an unknown client) and seconds it must wait (0: none). */
    record Standing(String key, long retryAfterSeconds) {

        boolean lockedOut() {
            return retryAfterSeconds > 0;
        }
    }
}
