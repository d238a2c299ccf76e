package io.reroute.portalui.host;

import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which workspace's brand a host shows, if any. Every page needs it, so answers (a host no workspace
 * uses too) are kept briefly per host; a failed lookup is not kept.
 */
@Component
public class Brands {

    static final Duration TTL = Duration.ofSeconds(30);
    /** Host headers are the visitor's to choose: bound what they can make us keep. */
    static final int MAX_HOSTS = 1_000;

    private record Kept(Optional<Brand> brand, Instant until) {}

    private final Function<String, Optional<Brand>> lookup;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @Autowired
    Brands(PlatformApi api) {
        this(host -> fetch(api, host), Clock.systemUTC());
    }

    Brands(Function<String, Optional<Brand>> lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The brand of the host the current page is on. */
    public Optional<Brand> current() {
        return CurrentHost.get().flatMap(this::of);
    }

    /** For error pages: the brand when the platform answers, else the neutral look. */
    public Optional<Brand> currentIfAvailable() {
        try {
            return current();
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    public Optional<Brand> of(String host) {
        Instant now = clock.instant();
        Kept found = kept.get(host);
        if (found != null && now.isBefore(found.until())) {
            return found.brand();
        }
        Optional<Brand> brand = lookup.apply(host);
        if (kept.size() >= MAX_HOSTS) {
            kept.clear();
        }
        kept.put(host, new Kept(brand, now.plus(TTL)));
        return brand;
    }

    private static Optional<Brand> fetch(PlatformApi api, String host) {
        try {
            return Optional.of(api.get("/internal/portal/hosts/{host}", host).as(Brand.class));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
