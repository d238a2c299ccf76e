package io.reroute.gateway.dns.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.ReferenceCountUtil;
import io.reroute.gateway.state.Workspace;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one DNS query (UDP or TCP): REFUSED outside the subscriber networks, FORMERR for what the
 * codec could not read; for a redirected subscriber the workspace's landing address for every name
 * except its allowlist and reminder host (resolved for real) and the DoH canaries (NXDOMAIN);
 * everyone else is forwarded upstream. Stateless: one instance serves every channel.
 */
@ChannelHandler.Sharable
final class DnsQueryHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger log = LoggerFactory.getLogger(DnsQueryHandler.class);

    private static final int PLAIN_UDP_LIMIT = 512;

    private final RedirectRule rule;
    private final long ttlSeconds;
    private final UpstreamClient upstream;
    private final ForwardCache cache;
    private final DnsQueryMetrics metrics;

    DnsQueryHandler(
            RedirectRule rule, Duration ttl, UpstreamClient upstream, ForwardCache cache, DnsQueryMetrics metrics) {
        super(false);
        this.rule = rule;
        this.ttlSeconds = ttl.toSeconds();
        this.upstream = upstream;
        this.cache = cache;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        long started = System.nanoTime();
        if (message instanceof MalformedQuery malformed) {
            var query = new Query(
                    malformed.id(),
                    DnsOpCode.QUERY,
                    null,
                    false,
                    0,
                    malformed.sender(),
                    malformed.recipient(),
                    overTcp(ctx));
            send(ctx, query, response(query, DnsResponseCode.FORMERR), "malformed", null, started);
            return;
        }
        if (!(message instanceof DnsQuery dns)) {
            ReferenceCountUtil.release(message);
            return;
        }
        Query query;
        try {
            query = Query.of(ctx, dns);
        } finally {
            dns.release();
        }
        if (!rule.answers(query.sourceAddress())) {
            send(ctx, query, response(query, DnsResponseCode.REFUSED), "refused", null, started);
            return;
        }
        if (query.question() == null) {
            send(ctx, query, response(query, DnsResponseCode.FORMERR), "malformed", null, started);
            return;
        }
        Workspace w = rule.redirectingWorkspace(query.sourceAddress());
        if (w == null) {
            forward(ctx, query, "forwarded", null, started);
            return;
        }
        switch (RedirectRule.forName(w, RedirectRule.normalize(query.question().name()))) {
            case CANARY -> send(ctx, query, response(query, DnsResponseCode.NXDOMAIN), "canary", w, started);
            case ALLOWLISTED -> forward(ctx, query, "allowlisted", w, started);
            default -> send(ctx, query, redirect(query, w), "redirected", w, started);
        }
    }

    private DnsResponse redirect(Query query, Workspace workspace) {
        var response = response(query, DnsResponseCode.NOERROR);
        DnsRecordType type = query.question().type();
        InetAddress landing = type == DnsRecordType.A
                ? workspace.landingIpv4()
                : type == DnsRecordType.AAAA ? workspace.landingIpv6() : null;
        if (landing != null) {
            response.addRecord(
                    DnsSection.ANSWER,
                    new DefaultDnsRawRecord(
                            query.question().name(), type, ttlSeconds, Unpooled.wrappedBuffer(landing.getAddress())));
        }
        return response;
    }

    private void forward(ChannelHandlerContext ctx, Query query, String outcome, Workspace workspace, long started) {
        DnsQuestion question = query.question();
        var key = ForwardCache.Key.of(question.name(), question.type().intValue(), question.dnsClass());
        byte[] cached = cache.get(key);
        if (cached != null) {
            relay(ctx, query, cached, DnsMessageLayout.of(cached), outcome, workspace, started);
            return;
        }
        upstream.query(question).whenComplete((answer, failure) -> {
            try {
                answered(ctx, query, key, answer, failure, outcome, workspace, started);
            } catch (RuntimeException e) {
                log.warn("forwarding {} failed", question.name(), e);
            }
        });
    }

    private void answered(
            ChannelHandlerContext ctx,
            Query query,
            ForwardCache.Key key,
            byte[] answer,
            Throwable failure,
            String outcome,
            Workspace workspace,
            long started) {
        DnsMessageLayout layout = null;
        if (failure == null) {
            try {
                layout = DnsMessageLayout.of(answer);
            } catch (IllegalArgumentException e) {
                failure = e;
            }
        }
        if (failure != null) {
            log.debug("upstream failed for {}: {}", query.question().name(), failure.toString());
            send(ctx, query, response(query, DnsResponseCode.SERVFAIL), "upstream-failed", workspace, started);
            return;
        }
        cache.put(key, answer, layout);
        relay(ctx, query, answer, layout, outcome, workspace, started);
    }

    /** Sends the upstream's answer as it came, with the asker's id, flags and letter case. */
    private void relay(
            ChannelHandlerContext ctx,
            Query query,
            byte[] answer,
            DnsMessageLayout layout,
            String outcome,
            Workspace workspace,
            long started) {
        DnsMessageLayout.setId(answer, query.id());
        answer[2] = (byte) ((answer[2] & ~0x01) | (query.recursionDesired() ? 0x01 : 0));
        DnsMessageLayout.copyQuestionCase(answer, query.question().name());
        byte[] message = query.ednsSize() > 0 ? answer : layout.withoutOpt(answer);
        if (!query.tcp() && message.length > query.udpLimit()) {
            send(
                    ctx,
                    query,
                    truncatedResponse(query, DnsMessageLayout.responseCode(message)),
                    outcome,
                    workspace,
                    started);
            return;
        }
        if (query.tcp()) {
            ByteBuf framed = ctx.alloc().buffer(2 + message.length);
            framed.writeShort(message.length).writeBytes(message);
            ctx.writeAndFlush(framed);
        } else {
            ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(message), query.sender(), query.recipient()));
        }
        metrics.record(outcome, workspace, started);
    }

    private void send(
            ChannelHandlerContext ctx,
            Query query,
            DnsResponse response,
            String outcome,
            Workspace workspace,
            long started) {
        if (!query.tcp() && estimatedSize(response) > query.udpLimit()) {
            truncate(response);
        }
        ctx.writeAndFlush(response).addListener(written -> {
            if (!written.isSuccess() && query.question() != null) {
                // Something in the question cannot be written back (the codec is stricter writing than
                // reading): answer FORMERR without it rather than not at all.
                ctx.writeAndFlush(response(query.withoutQuestion(), DnsResponseCode.FORMERR));
            }
        });
        metrics.record(outcome, workspace, started);
    }

    /** Too large for the client's UDP buffer: an empty truncated answer makes it retry over TCP. */
    private static void truncate(DnsResponse response) {
        response.clear(DnsSection.ANSWER);
        response.clear(DnsSection.AUTHORITY);
        response.setTruncated(true);
    }

    private static DnsResponse truncatedResponse(Query query, int code) {
        var response = response(query, DnsResponseCode.valueOf(code));
        truncate(response);
        return response;
    }

    private static DnsResponse response(Query query, DnsResponseCode code) {
        DnsResponse response = query.tcp()
                ? new DefaultDnsResponse(query.id(), query.opCode(), code)
                : new DatagramDnsResponse(query.recipient(), query.sender(), query.id(), query.opCode(), code);
        response.setRecursionDesired(query.recursionDesired());
        response.setRecursionAvailable(true);
        if (query.question() != null) {
            response.addRecord(DnsSection.QUESTION, query.question());
        }
        if (query.ednsSize() > 0) {
            response.addRecord(DnsSection.ADDITIONAL, new OptRecord(OptRecord.OUR_PAYLOAD_SIZE));
        }
        return response;
    }

    /** An upper bound of the wire size: no name compression assumed. */
    private static int estimatedSize(DnsResponse response) {
        int size = 12;
        for (DnsSection section : DnsSection.values()) {
            for (int i = 0; i < response.count(section); i++) {
                DnsRecord record = response.recordAt(section, i);
                size += record.name().length() + 2 + 4;
                if (section != DnsSection.QUESTION) {
                    size += 6
                            + (record instanceof DnsRawRecord raw
                                    ? raw.content().readableBytes()
                                    : 16);
                }
            }
        }
        return size;
    }

    private static boolean overTcp(ChannelHandlerContext ctx) {
        return !(ctx.channel() instanceof DatagramChannel);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // One bad packet or connection must not affect anything else.
        log.debug("DNS channel error: {}", cause.toString());
        if (overTcp(ctx)) {
            ctx.close();
        }
    }

    /** What a response needs from the query, read before the query is released. */
    record Query(
            int id,
            DnsOpCode opCode,
            DnsQuestion question,
            boolean recursionDesired,
            int ednsSize,
            InetSocketAddress sender,
            InetSocketAddress recipient,
            boolean tcp) {

        static Query of(ChannelHandlerContext ctx, DnsQuery dns) {
            DnsQuestion question = null;
            if (dns.count(DnsSection.QUESTION) == 1) {
                DnsQuestion asked = dns.recordAt(DnsSection.QUESTION);
                if (printable(asked.name())) {
                    question = new DefaultDnsQuestion(asked.name(), asked.type(), asked.dnsClass());
                }
            }
            int edns = 0;
            for (int i = 0; i < dns.count(DnsSection.ADDITIONAL); i++) {
                DnsRecord additional = dns.recordAt(DnsSection.ADDITIONAL, i);
                if (additional.type() == DnsRecordType.OPT) {
                    // The OPT record's class field carries the client's UDP payload size.
                    edns = Math.max(PLAIN_UDP_LIMIT, additional.dnsClass());
                }
            }
            InetSocketAddress sender = dns instanceof DatagramDnsQuery datagram
                    ? datagram.sender()
                    : (InetSocketAddress) ctx.channel().remoteAddress();
            InetSocketAddress recipient = dns instanceof DatagramDnsQuery datagram
                    ? datagram.recipient()
                    : (InetSocketAddress) ctx.channel().localAddress();
            return new Query(
                    dns.id(), dns.opCode(), question, dns.isRecursionDesired(), edns, sender, recipient, overTcp(ctx));
        }

        Query withoutQuestion() {
            return new Query(id, opCode, null, recursionDesired, ednsSize, sender, recipient, tcp);
        }

        InetAddress sourceAddress() {
            return sender.getAddress();
        }

        /** Host names and the odd underscore label are printable ASCII; anything else is not a real query. */
        private static boolean printable(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    return false;
                }
            }
            return true;
        }

        int udpLimit() {
            return ednsSize > 0 ? Math.min(ednsSize, OptRecord.OUR_PAYLOAD_SIZE) : PLAIN_UDP_LIMIT;
        }
    }
}
