package io.reroute.portalui.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.landingpage.LandingContent;
import io.reroute.portalui.platform.PlatformUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrandsTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> asked = new ArrayList<>();

    private Optional<Brand> lookup(String host) {
        asked.add(host);
        if (host.equals("down.example.net")) {
            throw new PlatformUnavailableException("down", null);
        }
        return host.equals("pay.example.net")
                ? Optional.of(new Brand("Example ISP", "EUR", branding()))
                : Optional.empty();
    }

    @Test
    void keepsAnswersPerHostForAWhile() {
        var brands = new Brands(this::lookup, clock);
        assertThat(brands.of("pay.example.net")).map(Brand::displayName).hasValue("Example ISP");
        assertThat(brands.of("pay.example.net")).isPresent();
        assertThat(brands.of("nobody.example.net")).isEmpty();
        assertThat(brands.of("nobody.example.net")).isEmpty();
        assertThat(asked).containsExactly("pay.example.net", "nobody.example.net");

        clock.now = clock.now.plus(Brands.TTL);
        assertThat(brands.of("pay.example.net")).isPresent();
        assertThat(asked).containsExactly("pay.example.net", "nobody.example.net", "pay.example.net");
    }

    @Test
    void aFailedLookupIsAskedAgain() {
        var brands = new Brands(this::lookup, clock);
        assertThatThrownBy(() -> brands.of("down.example.net")).isInstanceOf(PlatformUnavailableException.class);
        assertThatThrownBy(() -> brands.of("down.example.net")).isInstanceOf(PlatformUnavailableException.class);
        assertThat(asked).hasSize(2);
    }

    @Test
    void keepsABoundedNumberOfHosts() {
        var brands = new Brands(this::lookup, clock);
        for (int i = 0; i <= Brands.MAX_HOSTS; i++) {
            brands.of("h" + i + ".example.net");
        }
        brands.of("h0.example.net");
        assertThat(asked).hasSize(Brands.MAX_HOSTS + 2);
    }

    @Test
    void aBrandWithoutBrandingStillHasItsName() {
        assertThat(new Brand("Example ISP", "EUR", null).branding().title()).isEqualTo("Example ISP");
    }

    private static LandingContent.Branding branding() {
        return new LandingContent.Branding(null, "#112233", "#445566", "Example ISP", "Pay", "Pay now", null);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
