package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.support.FakeUpstreamDns;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upstream client against a resolver on real sockets: UDP, TCP after TC, failover and timeouts. */
class UpstreamClientIT {

    static EventLoopGroup group;
    static FakeUpstreamDns upstream;

    @BeforeAll
    static void start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        upstream = new FakeUpstreamDns();
    }

    @AfterAll
    static void stop() {
        upstream.close();
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void answersComeBackAsSentAndTruncatedOnesAreAskedAgainOverTcp() throws Exception {
        try (var client = new UpstreamClient(group, Transport.nio(), List.of(server()), Duration.ofSeconds(1))) {
            byte[] small = client.query(new DefaultDnsQuestion("www.example.com.", DnsRecordType.A))
                    .get(5, TimeUnit.SECONDS);
            var layout = DnsMessageLayout.of(small);
            assertThat(layout.ttlOffsets()).hasSize(1);
            assertThat(layout.cacheTtl()).isEqualTo(300);

            byte[] large = client.query(new DefaultDnsQuestion(FakeUpstreamDns.LARGE_NAME + ".", DnsRecordType.A))
                    .get(5, TimeUnit.SECONDS);
            assertThat(DnsMessageLayout.truncated(large)).isFalse();
            assertThat(DnsMessageLayout.of(large).ttlOffsets()).hasSize(FakeUpstreamDns.LARGE_COUNT);
        }
    }

    @Test
    void aSilentServerIsSkippedForTheNextAndTheLastOneTimesOut() throws Exception {
        var silent = new InetSocketAddress("127.0.0.1", 9); // discard: nobody answers
        try (var client =
                new UpstreamClient(group, Transport.nio(), List.of(silent, server()), Duration.ofMillis(300))) {
            assertThat(client.query(new DefaultDnsQuestion("failover.example.", DnsRecordType.A))
                            .get(5, TimeUnit.SECONDS))
                    .isNotEmpty();
        }
        try (var client = new UpstreamClient(group, Transport.nio(), List.of(silent), Duration.ofMillis(300))) {
            var answer = client.query(new DefaultDnsQuestion("nobody.example.", DnsRecordType.A));
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    private static InetSocketAddress server() {
        String[] hostPort = upstream.address().split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }
}
