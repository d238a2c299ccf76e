package io.reroute.platform.link.internal;

import java.time.Instant;
import javax.crypto.SecretKey;

/** A workspace's HMAC key for reminder links; the key material stays out of {@link #toString()}. */
public record LinkKey(String kid, SecretKey secret, Instant createdAt, Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }

    @Override
    public String toString() {
        return "LinkKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
