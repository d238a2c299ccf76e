package io.reroute.platform.portal.internal;

import io.reroute.platform.crypto.Digests;
import io.reroute.platform.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One-time codes a subscriber signs in to the portal with, mailed to the address on file. Redis
 * keeps only the code's hash, for ten minutes; a code works once, and five wrong guesses end it.
 * Codes can be asked for once a minute, so an account also has a budget of wrong guesses a day:
 * past it, no code opens the account until the day is over (a link still does), which keeps the
 * odds of guessing one at about 20 in a million a day instead of 7,200.
 */
@Component
class SignInCodes {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    static final int MAX_GUESSES = 5;
    static final int MAX_WRONG_GUESSES_A_DAY = 20;
    static final Duration WRONG_GUESS_WINDOW = Duration.ofDays(1);

    private final ReactiveStringRedisTemplate redis;
    private final SecureRandom random = new SecureRandom();

    SignInCodes(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A new six-digit code for the account, replacing any earlier one. */
    Mono<String> issue(WorkspaceId workspace, String accountNumber) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        String key = key(workspace, accountNumber);
        return redis.delete(key)
                .then(redis.opsForHash().put(key, "digest", Digests.sha256Hex(code)))
                .then(redis.expire(key, VALIDITY))
                .thenReturn(code);
    }

    /**
     * Whether {@code code} is the account's live code; a right code is used up, so is a fifth wrong
     * one. Once the account's wrong guesses of the day are spent, every code is refused and ended.
     */
    Mono<Boolean> redeem(WorkspaceId workspace, String accountNumber, String code) {
        String failures = AccountKeys.of(workspace, "code-failures", accountNumber);
        return redis.opsForValue()
                .get(failures)
                .map(Long::parseLong)
                .defaultIfEmpty(0L)
                .flatMap(spent -> spent >= MAX_WRONG_GUESSES_A_DAY
                        ? redis.delete(key(workspace, accountNumber)).thenReturn(false)
                        : check(workspace, accountNumber, code))
                .flatMap(right -> right
                        ? redis.delete(failures).thenReturn(true)
                        : redis.opsForValue()
                                .increment(failures)
                                .flatMap(spent ->
                                        spent == 1 ? redis.expire(failures, WRONG_GUESS_WINDOW) : Mono.just(true))
                                .thenReturn(false));
    }

    private Mono<Boolean> check(WorkspaceId workspace, String accountNumber, String code) {
        String key = key(workspace, accountNumber);
        return redis.opsForHash()
                .increment(key, "guesses", 1)
                .flatMap(guesses -> redis.opsForHash()
                        .get(key, "digest")
                        .map(String::valueOf)
                        .flatMap(digest -> {
                            boolean right = code != null
                                    && MessageDigest.isEqual(
                                            digest.getBytes(StandardCharsets.US_ASCII),
                                            Digests.sha256Hex(code.strip()).getBytes(StandardCharsets.US_ASCII));
                            if (right || guesses >= MAX_GUESSES) {
                                return redis.delete(key).thenReturn(right && guesses <= MAX_GUESSES);
                            }
                            return Mono.just(false);
                        }))
                // No code was issued: the increment made an empty hash, which must not linger.
                .switchIfEmpty(redis.delete(key).thenReturn(false));
    }

    private static String key(WorkspaceId workspace, String accountNumber) {
        return AccountKeys.of(workspace, "code", accountNumber);
    }
}
