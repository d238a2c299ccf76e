package io.reroute.platform.staff.internal;

import io.reroute.platform.web.FieldErrors;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Staff passwords: bcrypt, stored with Spring Security's {@code {id}} prefix so the algorithm can
 * be changed later without a migration. Hashing is deliberately slow, so it runs off the event loop.
 */
@Component
public class StaffPasswords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder;
    /** Compared against when the email is unknown or has no password, so every failure costs the same. */
    private final String decoy;

    public StaffPasswords() {
        this.encoder =
                new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", new BCryptPasswordEncoder(11)));
        this.decoy = encoder.encode("not-a-password-anyone-has");
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** True when the password matches; a missing hash is checked against the decoy and fails. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
                    boolean match = encoder.matches(password, hash != null ? hash : decoy);
                    return match && hash != null;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    public static void check(String field, String password, FieldErrors errors) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            errors.add(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        } else if (password.isBlank()) {
            errors.add(field, "must not be only spaces");
        }
    }
}
