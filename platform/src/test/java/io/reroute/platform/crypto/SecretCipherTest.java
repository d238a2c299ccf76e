package io.reroute.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final SecretCipher cipher = new SecretCipher(new SecretsProperties(KEY, "k1"));

    @Test
    void sealsAndOpensWithoutRevealingThePlaintext() {
        byte[] secret = "router-password".getBytes(StandardCharsets.UTF_8);
        String sealed = cipher.seal(secret, "router:1");

        assertThat(sealed).startsWith("v1:k1:").doesNotContain("router-password");
        assertThat(cipher.seal(secret, "router:1")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "router:1")).isEqualTo(secret);
    }

    @Test
    void refusesTamperedValuesOtherContextsAndOtherKeys() {
        String sealed = cipher.seal(new byte[] {1, 2, 3}, "router:1");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        assertThatIllegalStateException().isThrownBy(() -> cipher.open(tampered, "router:1"));
        assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, "router:2"));
        var other = new SecretCipher(new SecretsProperties(KEY, "k2"));
        assertThatIllegalStateException()
                .isThrownBy(() -> other.open(sealed, "router:1"))
                .withMessageContaining("k1");
    }

    @Test
    void keyIsValidatedAndNeverPrinted() {
        assertThat(new SecretsProperties(KEY, "k1").toString()).doesNotContain(KEY);
        assertThatIllegalStateException()
                .isThrownBy(() -> new SecretCipher(new SecretsProperties("", null)))
                .withMessageContaining("REROUTE_SECRETS_KEY");
        assertThatIllegalStateException()
                .isThrownBy(() -> new SecretCipher(new SecretsProperties("c2hvcnQ=", null)))
                .withMessageContaining("32 bytes");
    }
}
