package io.reroute.gateway.support;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream resolver for tests, on UDP and TCP: every A question gets 192.0.2.53 with a TTL of
 * 300 s, except {@value #LARGE_NAME}, whose {@value #LARGE_COUNT} addresses do not fit in UDP (TC
 * there, the whole answer over TCP). It counts the questions it gets and can stop answering.
 */
public final class FakeUpstreamDns implements AutoCloseable {

    public static final String ANSWER = "192.0.2.53";
    public static final String LARGE_NAME = "large.example";
    public static final int LARGE_COUNT = 40;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> questions = new ConcurrentHashMap<>();
    private Channel udp;
    private Channel tcp;

    public FakeUpstreamDns() throws InterruptedException {
        var answer = new Answer();
        // UDP picks a free port; TCP must take the same number, which another socket may hold: try again.
        for (int attempt = 1; ; attempt++) {
            Channel datagram = new Bootstrap()
                    .group(group)
                    .channel(NioDatagramChannel.class)
                    .handler(new ChannelInitializer<DatagramChannel>() {
                        @Override
                        protected void initChannel(DatagramChannel ch) {
                            ch.pipeline()
                                    .addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), answer);
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            var stream = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new TcpDnsQueryDecoder(), new TcpDnsResponseEncoder(), answer);
                        }
                    })
                    .bind("127.0.0.1", ((InetSocketAddress) datagram.localAddress()).getPort())
                    .await();
            if (stream.isSuccess()) {
                udp = datagram;
                tcp = stream.channel();
                return;
            }
            datagram.close().syncUninterruptibly();
            if (attempt == 10) {
                group.shutdownGracefully();
                throw new IllegalStateException("no port free for both UDP and TCP", stream.cause());
            }
        }
    }

    public String address() {
        return "127.0.0.1:" + port();
    }

    public void answering(boolean answer) {
        answering.set(answer);
    }

    /** How many times {@code name} was asked, over either transport. */
    public int questions(String name) {
        var count = questions.get(name.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    private int port() {
        return ((InetSocketAddress) udp.localAddress()).getPort();
    }

    @Override
    public void close() {
        udp.close().syncUninterruptibly();
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    @ChannelHandler.Sharable
    private final class Answer extends SimpleChannelInboundHandler<DnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
            if (!answering.get()) {
                return;
            }
            DnsQuestion asked = query.recordAt(DnsSection.QUESTION);
            String name = asked.name().toLowerCase(Locale.ROOT);
            name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            questions.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            boolean udp = query instanceof DatagramDnsQuery;
            DnsResponse response = udp
                    ? new DatagramDnsResponse(
                            ((DatagramDnsQuery) query).recipient(), ((DatagramDnsQuery) query).sender(), query.id())
                    : new DefaultDnsResponse(query.id());
            response.setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(asked.name(), asked.type()));
            if (asked.type() == DnsRecordType.A) {
                boolean large = name.equals(LARGE_NAME);
                if (large && udp) {
                    response.setTruncated(true);
                } else {
                    for (int i = 0; i < (large ? LARGE_COUNT : 1); i++) {
                        byte[] address = large
                                ? new byte[] {(byte) 198, 51, 100, (byte) (i + 1)}
                                : new byte[] {(byte) 192, 0, 2, 53};
                        response.addRecord(
                                DnsSection.ANSWER,
                                new DefaultDnsRawRecord(
                                        asked.name(), DnsRecordType.A, 300, Unpooled.wrappedBuffer(address)));
                    }
                }
            }
            ctx.writeAndFlush(response);
        }
    }
}
