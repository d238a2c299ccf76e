package io.reroute.gateway.support;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/** An upstream resolver for tests: every A question gets 192.0.2.53; it can be told to stop answering. */
public final class FakeUpstreamDns implements AutoCloseable {

    public static final String ANSWER = "192.0.2.53";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final Channel channel;

    public FakeUpstreamDns() throws InterruptedException {
        channel = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline()
                                .addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), new Answer());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    public String address() {
        return "127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public void answering(boolean answer) {
        answering.set(answer);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    private final class Answer extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            if (!answering.get()) {
                return;
            }
            DnsQuestion asked = query.recordAt(DnsSection.QUESTION);
            var response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(asked.name(), asked.type()));
            if (asked.type() == DnsRecordType.A) {
                response.addRecord(
                        DnsSection.ANSWER,
                        new DefaultDnsRawRecord(asked.name(), DnsRecordType.A, 300, Unpooled.wrappedBuffer(new byte[] {
                            (byte) 192, 0, 2, 53
                        })));
            }
            ctx.writeAndFlush(response);
        }
    }
}
