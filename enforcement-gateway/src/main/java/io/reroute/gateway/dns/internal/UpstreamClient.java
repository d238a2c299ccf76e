package io.reroute.gateway.dns.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.reroute.gateway.net.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the upstream resolvers and hands back their answer as bytes, untouched. Queries go out over
 * one UDP socket with random ids (an answer counts only from the server asked, with the id given);
 * an answer with the TC bit is asked again over TCP; no answer within the timeout moves on to the
 * next server, and after the last one the query fails.
 */
final class UpstreamClient implements AutoCloseable {

    private final EventLoopGroup group;
    private final Transport transport;
    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Channel udp;

    private record Pending(
            InetSocketAddress server,
            DnsQuestion question,
            int attempt,
            CompletableFuture<byte[]> answer,
            ScheduledFuture<?> deadline) {}

    UpstreamClient(EventLoopGroup group, Transport transport, List<InetSocketAddress> servers, Duration timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no upstream resolver configured");
        }
        this.group = group;
        this.transport = transport;
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.udp = new Bootstrap()
                .group(group)
                .channel(transport.datagram())
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(new DatagramDnsQueryEncoder(), new DatagramAnswerReader());
                    }
                })
                .bind(0)
                .syncUninterruptibly()
                .channel();
    }

    /** The upstream's answer to {@code question}, as it came. */
    CompletableFuture<byte[]> query(DnsQuestion question) {
        var answer = new CompletableFuture<byte[]>();
        send(question, 0, answer);
        return answer;
    }

    private void send(DnsQuestion question, int attempt, CompletableFuture<byte[]> answer) {
        InetSocketAddress server = servers.get(attempt);
        int id;
        do {
            id = ThreadLocalRandom.current().nextInt(0x10000);
        } while (pending.putIfAbsent(id, new Pending(server, question, attempt, answer, null)) != null);
        int queryId = id;
        ScheduledFuture<?> deadline =
                udp.eventLoop().schedule(() -> timedOut(queryId), timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.computeIfPresent(id, (k, p) -> new Pending(server, question, attempt, answer, deadline));
        var query = new DatagramDnsQuery(null, server, id).setRecursionDesired(true);
        query.addRecord(DnsSection.QUESTION, question);
        query.addRecord(DnsSection.ADDITIONAL, new OptRecord(OptRecord.OUR_PAYLOAD_SIZE));
        udp.writeAndFlush(query).addListener(written -> {
            if (!written.isSuccess()) {
                failOrRetry(queryId, written.cause());
            }
        });
    }

    private void timedOut(int id) {
        failOrRetry(id, new TimeoutException("no answer from the upstream resolver in " + timeout.toMillis() + " ms"));
    }

    private void failOrRetry(int id, Throwable cause) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        if (p.deadline() != null) {
            p.deadline().cancel(false);
        }
        if (p.attempt() + 1 < servers.size()) {
            send(p.question(), p.attempt() + 1, p.answer());
        } else {
            p.answer().completeExceptionally(cause);
        }
    }

    /** Matches UDP answers to pending queries; anything else is dropped. */
    private final class DatagramAnswerReader extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            if (content.readableBytes() < 12) {
                return;
            }
            int id = content.getUnsignedShort(content.readerIndex());
            Pending p = pending.get(id);
            if (p == null || !p.server().equals(packet.sender()) || !pending.remove(id, p)) {
                return;
            }
            if (p.deadline() != null) {
                p.deadline().cancel(false);
            }
            byte[] message = ByteBufUtil.getBytes(content);
            if (DnsMessageLayout.truncated(message)) {
                overTcp(p.server(), p.question(), p.answer());
            } else {
                p.answer().complete(message);
            }
        }
    }

    /** Asks again over TCP, for answers too large for UDP. */
    private void overTcp(InetSocketAddress server, DnsQuestion question, CompletableFuture<byte[]> answer) {
        new Bootstrap()
                .group(group)
                .channel(transport.socket())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new ReadTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS),
                                        new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2),
                                        new TcpDnsQueryEncoder(),
                                        new SimpleChannelInboundHandler<ByteBuf>() {
                                            @Override
                                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                                                answer.complete(ByteBufUtil.getBytes(frame));
                                                ctx.close();
                                            }

                                            @Override
                                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                                answer.completeExceptionally(cause);
                                                ctx.close();
                                            }

                                            @Override
                                            public void channelInactive(ChannelHandlerContext ctx) {
                                                answer.completeExceptionally(new IllegalStateException(
                                                        "upstream closed the TCP connection"));
                                            }
                                        });
                    }
                })
                .connect(server)
                .addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        answer.completeExceptionally(connected.cause());
                        return;
                    }
                    var query =
                            new DefaultDnsQuery(ThreadLocalRandom.current().nextInt(0x10000)).setRecursionDesired(true);
                    query.addRecord(DnsSection.QUESTION, question);
                    connected.channel().writeAndFlush(query);
                });
    }

    @Override
    public void close() {
        udp.close().syncUninterruptibly();
        pending.values().forEach(p -> p.answer().completeExceptionally(new IllegalStateException("closed")));
        pending.clear();
    }
}
