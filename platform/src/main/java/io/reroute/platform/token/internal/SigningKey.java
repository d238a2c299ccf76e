package io.reroute.platform.token.internal;

import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/** One token signing key. The private half never leaves memory unsealed and never prints. */
record SigningKey(String kid, PrivateKey privateKey, ECPublicKey publicKey, Instant createdAt) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", privateKey=<hidden>]";
    }
}
