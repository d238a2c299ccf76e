package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ForwardCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final ForwardCache cache =
            new ForwardCache(1000, Duration.ofMinutes(30), ticker, new SimpleMeterRegistry());
    private final ForwardCache.Key key = ForwardCache.Key.of("Example.COM.", 15, 1);

    @Test
    void servesCopiesWithTheTtlThatRemainsUntilTheSmallestRunsOut() {
        byte[] answer = DnsMessageLayoutTest.mxAnswerWithOpt();
        cache.put(key, answer, DnsMessageLayout.of(answer));
        answer[0] = 0x55; // the cache kept its own copy

        advance(Duration.ofSeconds(600));
        byte[] hit = cache.get(ForwardCache.Key.of("example.com.", 15, 1));
        assertThat(hit).isNotNull();
        assertThat(hit[0]).isEqualTo((byte) 0x12);
        assertThat(DnsMessageLayout.of(hit).cacheTtl()).isEqualTo(3000);

        advance(Duration.ofSeconds(1200));
        assertThat(cache.get(key))
                .as("capped at 30 minutes though the TTL says an hour")
                .isNull();
    }

    @Test
    void failuresAndTruncatedAnswersAreNotKept() {
        byte[] servfail = DnsMessageLayoutTest.mxAnswerWithOpt();
        servfail[3] = (byte) 0x82;
        cache.put(key, servfail, DnsMessageLayout.of(servfail));
        assertThat(cache.get(key)).isNull();

        byte[] truncated = DnsMessageLayoutTest.mxAnswerWithOpt();
        truncated[2] |= 0x02;
        cache.put(key, truncated, DnsMessageLayout.of(truncated));
        assertThat(cache.get(key)).isNull();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
