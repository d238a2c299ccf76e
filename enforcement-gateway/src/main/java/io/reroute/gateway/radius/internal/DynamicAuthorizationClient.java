package io.reroute.gateway.radius.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.radius.RadiusProperties;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.packet.response.RadiusResponse;

/**
 * Sends CoA- and Disconnect-Requests (RFC 5176) to NAS clients from one UDP socket and matches the
 * answers: by the NAS's address and the identifier (256 in flight per NAS), then by the Response
 * Authenticator and, when present, the Message-Authenticator; anything else is dropped. A request is
 * sent again, unchanged, after each timeout, until its attempts are spent. Requests carry
 * Message-Authenticator first, like every packet the gateway writes.
 */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.radius.enabled", matchIfMissing = true)
class DynamicAuthorizationClient implements SmartLifecycle {

    static final int DISCONNECT_REQUEST = 40;
    static final int DISCONNECT_ACK = 41;
    static final int DISCONNECT_NAK = 42;
    static final int COA_REQUEST = 43;
    static final int COA_ACK = 44;
    static final int COA_NAK = 45;

    private static final Logger log = LoggerFactory.getLogger(DynamicAuthorizationClient.class);
    private static final int HEADER = 20;
    private static final int ERROR_CAUSE = 101;

    private final RadiusProperties properties;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger identifiers = new AtomicInteger();
    private EventLoopGroup group;
    private Channel channel;

    DynamicAuthorizationClient(RadiusProperties properties) {
        this.properties = properties;
    }

    /** How a request ended: answered (ACK or NAK, with its Error-Cause if any) or never. */
    record Reply(boolean answered, boolean acknowledged, Integer errorCause, int attempts) {

        static final int SESSION_CONTEXT_NOT_FOUND = 503;

        /** The NAS does not know the session: it ended before the request reached it. */
        boolean sessionGone() {
            return answered && !acknowledged && errorCause != null && errorCause == SESSION_CONTEXT_NOT_FOUND;
        }
    }

    private record Key(InetSocketAddress nas, int identifier) {}

    private static final class Pending {
        final byte[] packet;
        final byte[] authenticator;
        final String secret;
        final int code;
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        int attempts;
        ScheduledFuture<?> timeout;

        Pending(byte[] packet, String secret, int code) {
            this.packet = packet;
            this.authenticator = java.util.Arrays.copyOfRange(packet, 4, HEADER);
            this.secret = secret;
            this.code = code;
        }
    }

    /** Sends {@code code} (CoA- or Disconnect-Request) with the attributes to the NAS. */
    CompletableFuture<Reply> send(InetSocketAddress nas, String secret, int code, List<byte[]> attributes) {
        Channel out = channel;
        if (out == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the CoA client is not running"));
        }
        for (int tries = 0; tries < 256; tries++) {
            int identifier = identifiers.getAndIncrement() & 0xff;
            var key = new Key(nas, identifier);
            var request = new Pending(encode(code, identifier, attributes, secret), secret, code);
            if (pending.putIfAbsent(key, request) == null) {
                out.eventLoop().execute(() -> transmit(out, key, request));
                return request.reply;
            }
        }
        return CompletableFuture.failedFuture(
                new IllegalStateException("256 requests to " + nas + " already await their answer"));
    }

    private void transmit(Channel out, Key key, Pending request) {
        if (request.reply.isDone()) {
            return;
        }
        request.attempts++;
        out.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(request.packet), key.nas()));
        request.timeout = out.eventLoop()
                .schedule(
                        () -> {
                            if (request.attempts < properties.coaAttempts()) {
                                transmit(out, key, request);
                            } else if (pending.remove(key, request)) {
                                request.reply.complete(new Reply(false, false, null, request.attempts));
                            }
                        },
                        properties.coaTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** Matches an answer to its request; anything that does not verify is dropped. */
    private void answer(DatagramPacket datagram) {
        ByteBuf content = datagram.content();
        if (content.readableBytes() < HEADER) {
            return;
        }
        int code = content.getUnsignedByte(content.readerIndex());
        var key = new Key(datagram.sender(), content.getUnsignedByte(content.readerIndex() + 1));
        Pending request = pending.get(key);
        if (request == null) {
            log.debug("Dropped an answer from {} that no request awaits", datagram.sender());
            return;
        }
        boolean coa = request.code == COA_REQUEST;
        boolean ack = code == (coa ? COA_ACK : DISCONNECT_ACK);
        if (!ack && code != (coa ? COA_NAK : DISCONNECT_NAK)) {
            log.debug("Dropped an answer of code {} from {}", code, datagram.sender());
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(content);
        RadiusResponse response;
        try {
            response = RadiusResponse.fromByteBuf(RadiusDictionary.get(), Unpooled.wrappedBuffer(bytes))
                    .decodeResponse(request.secret, request.authenticator);
        } catch (RadiusPacketException | RuntimeException e) {
            log.debug("Dropped an answer from {} that does not verify: {}", datagram.sender(), e.getMessage());
            return;
        }
        if (!messageAuthenticatorMatches(bytes, request)) {
            log.debug("Dropped an answer from {} with a wrong Message-Authenticator", datagram.sender());
            return;
        }
        if (!pending.remove(key, request)) {
            return;
        }
        if (request.timeout != null) {
            request.timeout.cancel(false);
        }
        Integer errorCause = response.filterAttributes(ERROR_CAUSE).stream()
                .map(RadiusAttribute::getValue)
                .filter(value -> value.length == 4)
                .map(value -> java.nio.ByteBuffer.wrap(value).getInt())
                .findFirst()
                .orElse(null);
        request.reply.complete(new Reply(true, ack, errorCause, request.attempts));
    }

    /** The reply's Message-Authenticator, when it has one, over the request's authenticator (RFC 3579 §3.2). */
    private static boolean messageAuthenticatorMatches(byte[] reply, Pending request) {
        int length = Math.min(reply.length, ((reply[2] & 0xff) << 8) | (reply[3] & 0xff));
        try {
            return RadiusPacket.parse(Unpooled.wrappedBuffer(reply), length)
                    .messageAuthenticatorMatches(
                            request.secret.getBytes(StandardCharsets.UTF_8), request.authenticator);
        } catch (RadiusPacket.MalformedPacketException e) {
            return false;
        }
    }

    /**
     * RFC 5176 §3.5 and RFC 3579 §3.2: Message-Authenticator first, HMAC-MD5 over the packet with a
     * zero Request Authenticator; then the Request Authenticator, MD5 over the packet and the secret.
     */
    static byte[] encode(int code, int identifier, List<byte[]> attributes, String secret) {
        ByteBuf packet = Unpooled.buffer(256);
        try {
            packet.writeByte(code).writeByte(identifier).writeShort(0).writeZero(16);
            packet.writeByte(MessageAuthenticators.MESSAGE_AUTHENTICATOR)
                    .writeByte(18)
                    .writeZero(16);
            for (byte[] attribute : attributes) {
                packet.writeBytes(attribute);
            }
            if (packet.readableBytes() > 4096) {
                throw new IllegalArgumentException("a RADIUS request longer than 4096 octets");
            }
            packet.setShort(2, packet.readableBytes());
            MessageAuthenticators.sign(packet, new byte[16], secret);
            return ByteBufUtil.getBytes(packet);
        } finally {
            packet.release();
        }
    }

    @Sharable
    private final class DatagramDynamicAuthorizationAnswerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            answer(datagram);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("CoA answer failed", cause);
        }
    }

    @Override
    public synchronized void start() {
        var transport = Transport.best();
        group = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers());
        try {
            channel = new Bootstrap()
                    .group(group)
                    .channel(transport.datagram())
                    .handler(new DatagramDynamicAuthorizationAnswerHandler())
                    .bind(properties.bind(), 0)
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the CoA socket", e);
        }
        log.info("CoA and Disconnect requests leave from {}", channel.localAddress());
    }

    @Override
    public synchronized void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
        pending.values().forEach(p -> p.reply.complete(new Reply(false, false, null, p.attempts)));
        pending.clear();
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }
}
