package io.reroute.platform.token.internal;

import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.security.SecurityProperties;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The platform's token signing keys (ES256), kept in PostgreSQL so every replica signs with the same
 * key and publishes the same JWKS. A key signs for the rotation period; when it is due, the first
 * replica to notice creates the next one under an advisory lock. Retired keys stay published for one
 * token lifetime, so tokens they signed keep validating until they expire.
 */
@Component
class SigningKeyStore {

    private static final String ALGORITHM = "ES256";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final DatabaseClient db;
    private final TransactionalOperator transactional;
    private final SecretCipher cipher;
    private final SecurityProperties properties;
    private final Clock clock;
    private final AtomicReference<SigningKey> current = new AtomicReference<>();

    SigningKeyStore(
            DatabaseClient db,
            TransactionalOperator transactional,
            SecretCipher cipher,
            SecurityProperties properties,
            Clock clock) {
        this.db = db;
        this.transactional = transactional;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key to sign with now. */
    Mono<SigningKey> signingKey() {
        SigningKey key = current.get();
        if (key != null && !dueForRotation(key)) {
            return Mono.just(key);
        }
        return transactional
                .transactional(db.sql("SELECT pg_advisory_xact_lock(hashtext('token_signing_key'))")
                        .fetch()
                        .first()
                        .then(newestActive())
                        .filter(newest -> !dueForRotation(newest))
                        .switchIfEmpty(Mono.defer(this::rotate)))
                .doOnNext(current::set);
    }

    /** Public keys that may have signed a token that has not expired yet. */
    Mono<List<SigningKeyPublic>> publishedKeys() {
        Instant oldestUseful = clock.instant().minus(properties.tokenTtl()).minus(CLOCK_SKEW);
        return db.sql("SELECT kid, public_key FROM token_signing_key"
                        + " WHERE retired_at IS NULL OR retired_at > :oldest ORDER BY created_at DESC")
                .bind("oldest", oldestUseful)
                .map((row, meta) -> new SigningKeyPublic(
                        row.get("kid", String.class), publicKey(row.get("public_key", byte[].class))))
                .all()
                .collectList();
    }

    private boolean dueForRotation(SigningKey key) {
        return !key.createdAt().plus(properties.keyRotation()).isAfter(clock.instant());
    }

    private Mono<SigningKey> newestActive() {
        return db.sql("SELECT kid, public_key, private_key_sealed, created_at FROM token_signing_key"
                        + " WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
                .map((row, meta) -> {
                    String kid = row.get("kid", String.class);
                    return new SigningKey(
                            kid,
                            privateKey(cipher.open(row.get("private_key_sealed", String.class), sealContext(kid))),
                            publicKey(row.get("public_key", byte[].class)),
                            row.get("created_at", Instant.class));
                })
                .first();
    }

    private Mono<SigningKey> rotate() {
        KeyPair pair = generate();
        Instant now = clock.instant();
        String kid = kidFor(now);
        var key = new SigningKey(kid, pair.getPrivate(), (ECPublicKey) pair.getPublic(), now);
        return db.sql("UPDATE token_signing_key SET retired_at = :now WHERE retired_at IS NULL")
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .then(db.sql(
                                "INSERT INTO token_signing_key (kid, algorithm, public_key, private_key_sealed, created_at)"
                                        + " VALUES (:kid, :alg, :pub, :priv, :now)")
                        .bind("kid", kid)
                        .bind("alg", ALGORITHM)
                        .bind("pub", pair.getPublic().getEncoded())
                        .bind("priv", cipher.seal(pair.getPrivate().getEncoded(), sealContext(kid)))
                        .bind("now", now)
                        .fetch()
                        .rowsUpdated())
                .thenReturn(key);
    }

    private static String kidFor(Instant now) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return now.getEpochSecond() + "-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String sealContext(String kid) {
        return "token_signing_key:" + kid;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }

    private static ECPublicKey publicKey(byte[] encoded) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key is unreadable", e);
        }
    }

    private static PrivateKey privateKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key is unreadable", e);
        }
    }

    record SigningKeyPublic(String kid, ECPublicKey publicKey) {}
}
