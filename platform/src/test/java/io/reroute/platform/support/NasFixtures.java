package io.reroute.platform.support;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** NAS clients registered through the public API, for tests. */
public final class NasFixtures {

    public static final String SECRET = "nas-shared-secret-0123";

    private NasFixtures() {}

    /** An address in 198.18.0.0/15 (benchmarking space) that other tests are unlikely to hold. */
    public static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Registers a MikroTik NAS at {@code address} with {@link #SECRET}; returns its id. */
    public static String register(TestWorkspace w, String name, String address) {
        return w.create("/api/v1/nas-clients", Map.of("name", name, "address", address, "secret", SECRET));
    }
}
