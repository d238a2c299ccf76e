package io.reroute.gateway.dns;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DNS redirector ({@code reroute.gateway.dns.*}).
 *
 * @param enabled whether this gateway answers DNS
 * @param bind the address to listen on
 * @param port UDP and TCP port (53 in production; 0 picks a free one)
 * @param ttl TTL of redirect answers, short so a restore takes effect quickly
 * @param upstream resolvers to forward to as {@code host:port}; empty uses the system's
 * @param upstreamTimeout how long to wait for the upstream before answering SERVFAIL
 * @param subscriberNetworks sources that get answers; everyone else gets REFUSED
 * @param cacheSize forwarded answers kept at most
 * @param cacheMaxTtl the longest a forwarded answer is kept, whatever its TTL says
 * @param threads event loops answering queries, each with its own UDP socket; 0 means one per core
 */
@ConfigurationProperties("reroute.gateway.dns")
public record DnsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bind,
        @DefaultValue("53") int port,
        @DefaultValue("30s") Duration ttl,
        @DefaultValue List<String> upstream,
        @DefaultValue("2s") Duration upstreamTimeout,

        @DefaultValue({
            "10.0.0.0/8",
            "100.64.0.0/10",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "127.0.0.0/8",
            "fc00::/7",
            "::1/128"
        })
        List<String> subscriberNetworks,

        @DefaultValue("100000") long cacheSize,
        @DefaultValue("1h") Duration cacheMaxTtl,
        @DefaultValue("0") int threads) {

    /** The number of event loops to run. */
    public int eventLoops() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
