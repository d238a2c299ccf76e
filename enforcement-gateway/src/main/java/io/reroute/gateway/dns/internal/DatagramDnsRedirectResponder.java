package io.reroute.gateway.dns.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.reroute.gateway.dns.DnsOutcome;
import io.reroute.gateway.state.Workspace;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Answers the query that makes up nearly all of a redirected subscriber's traffic straight from its
 * bytes: one question of class IN for A or AAAA (or any other type, answered NODATA), at most an
 * EDNS0 OPT record, for a name that is neither allowlisted nor a DoH canary. The answer copies the
 * question as asked and points one compressed record at the landing address. Everything else, and
 * anything it does not fully understand, goes on unchanged to the codec-based {@link
 * DnsQueryHandler}, which gives the same answer the slow way. Answers are flushed once per read
 * batch, so the native transport sends them with one sendmmsg.
 */
@ChannelHandler.Sharable
final class DatagramDnsRedirectResponder extends ChannelInboundHandlerAdapter {

    private static final int HEADER_LENGTH = 12;
    private static final int TYPE_A = 1;
    private static final int TYPE_AAAA = 28;
    private static final int TYPE_OPT = 41;
    private static final int CLASS_IN = 1;
    private static final int MAX_NAME_LENGTH = 255;
    private static final int POINTER_TO_QUESTION = 0xC000 | HEADER_LENGTH;
    /** Plain queries are small; anything longer carries options the codec path should judge. */
    private static final int MAX_PLAIN_QUERY = 512;

    private final RedirectRule rule;
    private final int ttlSeconds;
    private final DnsQueryMetrics metrics;

    DatagramDnsRedirectResponder(RedirectRule rule, Duration ttl, DnsQueryMetrics metrics) {
        this.rule = rule;
        this.ttlSeconds = Math.toIntExact(ttl.toSeconds());
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof DatagramPacket packet) || !answered(ctx, packet)) {
            ctx.fireChannelRead(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    /** Whether the packet was answered here; it is then released, or its buffer reused for the answer. */
    private boolean answered(ChannelHandlerContext ctx, DatagramPacket packet) {
        long started = System.nanoTime();
        InetSocketAddress sender = packet.sender();
        // Who asks first: everyone else's queries (forwarded, most of them when the gateway is the
        // ISP's resolver) go on without being copied or parsed here.
        if (sender == null || !rule.answers(sender.getAddress())) {
            return false;
        }
        Workspace workspace = rule.redirectingWorkspace(sender.getAddress());
        if (workspace == null) {
            return false;
        }
        PlainQuery query = PlainQuery.read(packet.content());
        if (query == null || RedirectRule.forName(workspace, query.lowerCaseName()) != DnsOutcome.REDIRECTED) {
            return false;
        }
        int type = query.type();
        InetAddress landing =
                type == TYPE_A ? workspace.landingIpv4() : type == TYPE_AAAA ? workspace.landingIpv6() : null;
        byte[] address = landing == null ? null : landing.getAddress();
        int length = query.questionEnd() + (address == null ? 0 : 12 + address.length) + (query.edns() ? 11 : 0);
        // The answer is the question plus a few bytes: it usually fits in the buffer the query came in.
        ByteBuf content = packet.content();
        boolean reuse = content.capacity() - content.readerIndex() >= length;
        ByteBuf answer =
                reuse ? content.writerIndex(content.readerIndex()) : ctx.alloc().ioBuffer(length);
        writeAnswer(answer, query, address);
        ctx.write(new DatagramPacket(answer, sender, packet.recipient()));
        if (!reuse) {
            packet.release();
        }
        metrics.record("redirected", workspace, started);
        return true;
    }

    private void writeAnswer(ByteBuf answer, PlainQuery query, byte[] address) {
        int questionLength = query.questionEnd() - HEADER_LENGTH;
        byte[] bytes = query.bytes();
        answer.writeByte(bytes[0]).writeByte(bytes[1]); // id
        answer.writeByte(0x80 | (bytes[2] & 0x01)); // QR, opcode QUERY, RD as asked
        answer.writeByte(0x80); // RA, NOERROR
        answer.writeShort(1).writeShort(address == null ? 0 : 1).writeShort(0).writeShort(query.edns() ? 1 : 0);
        answer.writeBytes(bytes, HEADER_LENGTH, questionLength); // the question, letter case kept
        if (address != null) {
            answer.writeShort(POINTER_TO_QUESTION)
                    .writeShort(query.type())
                    .writeShort(CLASS_IN)
                    .writeInt(ttlSeconds)
                    .writeShort(address.length)
                    .writeBytes(address);
        }
        if (query.edns()) {
            answer.writeByte(0)
                    .writeShort(TYPE_OPT)
                    .writeShort(OptRecord.OUR_PAYLOAD_SIZE)
                    .writeInt(0)
                    .writeShort(0);
        }
    }

    /** A query in the one plain shape this responder answers, copied out of the packet to read it fast. */
    private record PlainQuery(byte[] bytes, int questionEnd, boolean edns) {

        /**
         * The query when it is plain: opcode QUERY, one question of class IN with an uncompressed name
         * of printable labels, no answer or authority records, and nothing after the question but one
         * EDNS version 0 OPT record; null otherwise.
         */
        static PlainQuery read(ByteBuf packet) {
            int length = packet.readableBytes();
            if (length < HEADER_LENGTH + 5 || length > MAX_PLAIN_QUERY) {
                return null;
            }
            byte[] bytes = new byte[length];
            packet.getBytes(packet.readerIndex(), bytes);
            if ((bytes[2] & 0xfa) != 0 // QR, opcode, TC
                    || unsignedShort(bytes, 4) != 1
                    || unsignedShort(bytes, 6) != 0
                    || unsignedShort(bytes, 8) != 0
                    || unsignedShort(bytes, 10) > 1) {
                return null;
            }
            int at = HEADER_LENGTH;
            for (int label; (label = bytes[at] & 0xff) != 0; at += label + 1) {
                // Compression pointers and extended labels (top bits set) are for the codec to judge.
                if (label > 63 || at + label >= MAX_NAME_LENGTH + HEADER_LENGTH - 1 || at + 1 + label >= length) {
                    return null;
                }
                for (int i = at + 1; i <= at + label; i++) {
                    byte c = bytes[i];
                    if (c <= 0x20 || c >= 0x7f || c == '.') {
                        return null;
                    }
                }
            }
            int questionEnd = at + 5;
            if (at == HEADER_LENGTH || questionEnd > length || unsignedShort(bytes, at + 3) != CLASS_IN) {
                return null;
            }
            if (unsignedShort(bytes, 10) == 0) {
                return questionEnd == length ? new PlainQuery(bytes, questionEnd, false) : null;
            }
            // The OPT record: root name, type, UDP size, extended RCODE, version, flags, options.
            int opt = questionEnd;
            if (opt + 11 > length
                    || bytes[opt] != 0
                    || unsignedShort(bytes, opt + 1) != TYPE_OPT
                    || bytes[opt + 6] != 0
                    || opt + 11 + unsignedShort(bytes, opt + 9) != length) {
                return null;
            }
            return new PlainQuery(bytes, questionEnd, true);
        }

        int type() {
            return unsignedShort(bytes, questionEnd - 4);
        }

        /** The name in lower case without the trailing dot. */
        String lowerCaseName() {
            // The wire form has a length byte before each label and the root's zero byte after the last.
            byte[] name = new byte[questionEnd - 4 - HEADER_LENGTH - 2];
            int length = 0;
            for (int at = HEADER_LENGTH, label; (label = bytes[at] & 0xff) != 0; at += label + 1) {
                if (length > 0) {
                    name[length++] = '.';
                }
                for (int i = at + 1; i <= at + label; i++) {
                    byte c = bytes[i];
                    name[length++] = c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
                }
            }
            return new String(name, StandardCharsets.ISO_8859_1);
        }

        private static int unsignedShort(byte[] bytes, int at) {
            return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
        }
    }
}
