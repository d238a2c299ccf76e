package io.reroute.gateway.dns.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Upstream answers kept for as long as their TTLs allow (capped), bounded in entries; a copy served
 * from here carries the TTLs that remain. Only NOERROR and NXDOMAIN answers that were not truncated
 * are kept; answers are the same for every asker, so no workspace is part of the key.
 */
final class ForwardCache {

    record Key(String name, int type, int dnsClass) {
        static Key of(String name, int type, int dnsClass) {
            return new Key(name.toLowerCase(Locale.ROOT), type, dnsClass);
        }
    }

    private record Entry(byte[] message, DnsMessageLayout layout, long storedAt, long ttlSeconds) {}

    private final Cache<Key, Entry> entries;
    private final Ticker ticker;
    private final long maxTtlSeconds;

    ForwardCache(long maximumEntries, Duration maxTtl, Ticker ticker, MeterRegistry meters) {
        this.ticker = ticker;
        this.maxTtlSeconds = maxTtl.toSeconds();
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .ticker(ticker)
                .expireAfter(Expiry.<Key, Entry>creating((key, entry) -> Duration.ofSeconds(entry.ttlSeconds())))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, entries, "dns-forward");
    }

    /** A copy of the cached answer with aged TTLs, or null. */
    byte[] get(Key key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        byte[] copy = Arrays.copyOf(entry.message(), entry.message().length);
        long elapsed = (ticker.read() - entry.storedAt()) / 1_000_000_000L;
        entry.layout().age(copy, elapsed);
        return copy;
    }

    /** Keeps a copy of {@code message} when it may be cached. */
    void put(Key key, byte[] message, DnsMessageLayout layout) {
        int code = DnsMessageLayout.responseCode(message);
        long ttl = Math.min(layout.cacheTtl(), maxTtlSeconds);
        if ((code != 0 && code != 3) || DnsMessageLayout.truncated(message) || ttl <= 0) {
            return;
        }
        entries.put(key, new Entry(Arrays.copyOf(message, message.length), layout, ticker.read(), ttl));
    }
}
