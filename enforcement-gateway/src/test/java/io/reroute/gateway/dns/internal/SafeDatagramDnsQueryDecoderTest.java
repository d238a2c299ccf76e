package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SafeDatagramDnsQueryDecoderTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.2", 5000);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);

    @Test
    void aTruncatedQuestionBecomesAMalformedQueryWithItsId() {
        var channel = new EmbeddedChannel(new SafeDatagramDnsQueryDecoder());
        byte[] packet = {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'b', 'r', 'o', 'k'};
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(packet), SERVER, CLIENT));
        Object decoded = channel.readInbound();
        assertThat(decoded).isEqualTo(new MalformedQuery(0x1234, CLIENT, SERVER));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void randomBytesNeverEscapeAsErrorsAndLeakNothing() {
        var channel = new EmbeddedChannel(new SafeDatagramDnsQueryDecoder());
        var random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            var buffer = Unpooled.directBuffer(garbage.length).writeBytes(garbage);
            channel.writeInbound(new DatagramPacket(buffer, SERVER, CLIENT));
            assertThat(buffer.refCnt()).as("the packet is released").isZero();
            for (Object out; (out = channel.readInbound()) != null; ) {
                if (out instanceof DatagramDnsQuery query) {
                    query.release();
                } else {
                    assertThat(out).isInstanceOf(MalformedQuery.class);
                }
            }
        }
        channel.checkException();
    }
}
