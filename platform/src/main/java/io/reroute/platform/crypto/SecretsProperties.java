package io.reroute.platform.crypto;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's secrets key: 32 random bytes, base64, from {@code REROUTE_SECRETS_KEY}. Never
 * logged; {@link #toString()} hides it.
 */
@ConfigurationProperties("reroute.secrets")
public record SecretsProperties(String key, String keyId) {

    public SecretsProperties {
        if (keyId == null || keyId.isBlank()) {
            keyId = "k1";
        }
        if (!keyId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("reroute.secrets.key-id must be 1-32 letters, digits, '-' or '_'");
        }
    }

    byte[] keyBytes() {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("reroute.secrets.key (REROUTE_SECRETS_KEY) is not set: "
                    + "generate one with `openssl rand -base64 32`");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("reroute.secrets.key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("reroute.secrets.key must decode to 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "SecretsProperties[keyId=" + keyId + ", key=<hidden>]";
    }
}
