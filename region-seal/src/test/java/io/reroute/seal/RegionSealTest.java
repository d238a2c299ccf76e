package io.reroute.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionSealTest {

    private final RegionSeal seal = RegionSeal.of("eu-west", "gateway-credential");

    @Test
    void opensWhatItSealedForTheSameContext() {
        String sealed = seal.seal("s3cret-ü", "nas:a:b");

        assertThat(sealed).startsWith("r1:").doesNotContain("s3cret");
        assertThat(RegionSeal.of("eu-west", "gateway-credential").open(sealed, "nas:a:b"))
                .isEqualTo("s3cret-ü");
        assertThat(seal.seal("s3cret-ü", "nas:a:b"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherRegionCredentialOrContext() {
        String sealed = seal.seal("s3cret", "nas:a:b");

        assertThatThrownBy(() -> RegionSeal.of("us-east", "gateway-credential").open(sealed, "nas:a:b"))
                .isInstanceOf(RegionSeal.SealException.class);
        assertThatThrownBy(() -> RegionSeal.of("eu-west", "rotated").open(sealed, "nas:a:b"))
                .isInstanceOf(RegionSeal.SealException.class);
        assertThatThrownBy(() -> seal.open(sealed, "nas:a:c")).isInstanceOf(RegionSeal.SealException.class);
    }

    @Test
    void refusesMalformedAndTamperedValues() {
        String sealed = seal.seal("s3cret", "ctx");
        // Not the last character: its low bits may be padding that decodes to the same bytes.
        int at = sealed.length() - 5;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        for (String bad : new String[] {"", "r1", "r1:x", "r2:AAAA:BBBB", "r1:!!:??", "r1:AAAA:BBBB", tampered}) {
            assertThatThrownBy(() -> seal.open(bad, "ctx")).as(bad).isInstanceOf(RegionSeal.SealException.class);
        }
    }

    @Test
    void hidesTheKey() {
        assertThat(seal.toString()).isEqualTo("RegionSeal[eu-west, key hidden]");
    }
}
