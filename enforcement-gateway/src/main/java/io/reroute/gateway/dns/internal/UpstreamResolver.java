package io.reroute.gateway.dns.internal;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Sends a question on to the configured resolvers (or the system's) and hands back their response
 * as it is; retries over TCP when the upstream truncates.
 */
final class UpstreamResolver implements AutoCloseable {

    private final DnsNameResolver resolver;
    private final InetSocketAddress server;

    UpstreamResolver(EventLoop loop, List<InetSocketAddress> servers, Duration timeout) {
        DnsServerAddressStreamProvider provider = servers.isEmpty()
                ? DnsServerAddressStreamProviders.platformDefault()
                : new SequentialDnsServerAddressStreamProvider(servers.toArray(InetSocketAddress[]::new));
        this.server = provider.nameServerAddressStream("").next();
        this.resolver = new DnsNameResolverBuilder(loop)
                .datagramChannelType(NioDatagramChannel.class)
                .socketChannelType(NioSocketChannel.class)
                .nameServerProvider(provider)
                .queryTimeoutMillis(timeout.toMillis())
                .maxQueriesPerResolve(1)
                .recursionDesired(true)
                .maxPayloadSize(4096)
                .build();
    }

    /** The upstream's answer; the caller releases it. */
    Future<io.netty.channel.AddressedEnvelope<DnsResponse, InetSocketAddress>> query(
            DnsQuestion question, Iterable<DnsRecord> additionals) {
        return resolver.query(server, question, additionals);
    }

    @Override
    public void close() {
        resolver.close();
    }
}
