package io.reroute.gateway.radius.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.NetUtil;
import io.reroute.gateway.radius.internal.AccountingSessions.AccountingRecord;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.AccessRequestChap;
import org.tinyradius.core.packet.request.AccessRequestPap;
import org.tinyradius.core.packet.request.AccountingRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

/**
 * Answers Access-Requests (PAP and CHAP, against the subscriber's PPPoE password within the NAS's
 * workspace) and Accounting-Requests (sessions tracked per NAS and forwarded to the platform), from
 * memory and on the event loop.
 * Answers are flushed once per read batch.
 */
@ChannelHandler.Sharable
final class RadiusRequestHandler extends SimpleChannelInboundHandler<RadiusExchange> {

    private static final Logger log = LoggerFactory.getLogger(RadiusRequestHandler.class);

    private static final int USER_NAME = 1;
    private static final int FRAMED_IP_ADDRESS = 8;
    private static final int CLASS = 25;
    private static final int ACCT_STATUS_TYPE = 40;
    private static final int ACCT_INPUT_OCTETS = 42;
    private static final int ACCT_OUTPUT_OCTETS = 43;
    private static final int ACCT_SESSION_ID = 44;
    private static final int ACCT_SESSION_TIME = 46;
    private static final int ACCT_TERMINATE_CAUSE = 49;
    private static final int ACCT_INPUT_GIGAWORDS = 52;
    private static final int ACCT_OUTPUT_GIGAWORDS = 53;
    private static final int EVENT_TIMESTAMP = 55;

    private static final int START = 1;
    private static final int STOP = 2;
    private static final int INTERIM_UPDATE = 3;
    private static final int ACCOUNTING_ON = 7;
    private static final int ACCOUNTING_OFF = 8;

    private final RegionState state;
    private final RadiusSecrets secrets;
    private final AccessPolicy policy;
    private final AccountingSessions sessions;
    private final AccountingForwarder forwarder;
    private final RadiusMetrics metrics;
    private final Clock clock;

    RadiusRequestHandler(
            RegionState state,
            RadiusSecrets secrets,
            Dictionary dictionary,
            AccountingSessions sessions,
            AccountingForwarder forwarder,
            RadiusMetrics metrics,
            Clock clock) {
        this.state = state;
        this.secrets = secrets;
        this.policy = new AccessPolicy(dictionary);
        this.sessions = sessions;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RadiusExchange exchange) {
        RadiusRequest request = exchange.request();
        int code;
        List<RadiusAttribute> attributes;
        if (request instanceof AccessRequest access) {
            var answer = access(exchange, access);
            code = answer.code();
            attributes = answer.attributes();
        } else if (request instanceof AccountingRequest accounting) {
            accounting(exchange, accounting);
            code = RadiusResponses.ACCOUNTING_RESPONSE;
            attributes = List.of();
        } else {
            return;
        }
        var response = RadiusResponses.encode(
                ctx.alloc(),
                code,
                request.getId() & 0xff,
                request.getAuthenticator(),
                attributes,
                request.getAttributes(),
                exchange.secret());
        ctx.write(new DatagramPacket(response, exchange.sender()));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket serves every NAS: one bad request must not close it.
        log.warn("RADIUS request failed", cause);
    }

    private record Answer(int code, List<RadiusAttribute> attributes) {}

    private Answer access(RadiusExchange exchange, AccessRequest request) {
        var nas = exchange.nas();
        UUID workspaceId = nas.workspaceId();
        String username = text(request, USER_NAME);
        Optional<Subscriber> subscriber = username == null ? Optional.empty() : state.byUsername(workspaceId, username);
        boolean authenticated = subscriber
                .flatMap(secrets::password)
                .map(password -> passwordMatches(request, password))
                .orElse(false);
        if (!authenticated) {
            metrics.answered("access", "reject", workspaceId);
            return new Answer(RadiusResponses.ACCESS_REJECT, policy.reject(AccessPolicy.REJECT_MESSAGE));
        }
        var profile = state.workspace(workspaceId).map(Workspace::radius).orElse(RadiusProfile.DEFAULT);
        metrics.answered("access", subscriber.get().redirected() ? "accept-restricted" : "accept", workspaceId);
        return new Answer(RadiusResponses.ACCESS_ACCEPT, policy.accept(nas, profile, subscriber.get()));
    }

    private static boolean passwordMatches(AccessRequest request, String password) {
        if (request instanceof AccessRequestPap pap) {
            return pap.getPassword()
                    .map(given -> MessageDigest.isEqual(
                            stripPadding(given).getBytes(StandardCharsets.UTF_8),
                            password.getBytes(StandardCharsets.UTF_8)))
                    .orElse(false);
        }
        if (request instanceof AccessRequestChap chap) {
            return chap.checkPassword(password);
        }
        // EAP, ARAP and requests without credentials: nothing we can check a password with.
        return false;
    }

    /** RFC 2865 §5.2: the password is padded with NULs to a multiple of 16 octets. */
    private static String stripPadding(String password) {
        int end = password.length();
        while (end > 0 && password.charAt(end - 1) == '\0') {
            end--;
        }
        return password.substring(0, end);
    }

    private void accounting(RadiusExchange exchange, AccountingRequest request) {
        var nas = exchange.nas();
        long status = unsigned(request, ACCT_STATUS_TYPE, -1);
        long timestamp = unsigned(request, EVENT_TIMESTAMP, -1);
        Instant at = timestamp > 0 ? Instant.ofEpochSecond(timestamp) : clock.instant();
        if (status == ACCOUNTING_ON || status == ACCOUNTING_OFF) {
            boolean on = status == ACCOUNTING_ON;
            String cause = on ? "NAS-Reboot" : "NAS-Request";
            int closed = sessions.closeAll(nas.id(), at, cause);
            forwarder.nasRestarted(nas.workspaceId(), nas.id(), at, cause);
            log.info("{} from {}: {} open sessions closed", on ? "Accounting-On" : "Accounting-Off", nas, closed);
            metrics.answered("accounting", on ? "accounting-on" : "accounting-off", nas.workspaceId());
            return;
        }
        String sessionId = text(request, ACCT_SESSION_ID);
        if (sessionId == null || (status != START && status != STOP && status != INTERIM_UPDATE)) {
            // Acknowledged so the NAS stops retransmitting, but nothing to track.
            metrics.answered("accounting", "ignored", nas.workspaceId());
            return;
        }
        String username = text(request, USER_NAME);
        var session = sessions.update(new AccountingRecord(
                nas.workspaceId(),
                nas.id(),
                sessionId,
                username,
                subscriberOf(nas.workspaceId(), text(request, CLASS), username),
                address(request, FRAMED_IP_ADDRESS),
                at,
                (unsigned(request, ACCT_INPUT_GIGAWORDS, 0) << 32) + unsigned(request, ACCT_INPUT_OCTETS, 0),
                (unsigned(request, ACCT_OUTPUT_GIGAWORDS, 0) << 32) + unsigned(request, ACCT_OUTPUT_OCTETS, 0),
                unsigned(request, ACCT_SESSION_TIME, 0),
                status == STOP,
                status == STOP ? text(request, ACCT_TERMINATE_CAUSE) : null));
        forwarder.session(session);
        metrics.answered(
                "accounting",
                status == START ? "start" : status == STOP ? "stop" : "interim-update",
                nas.workspaceId());
    }

    /** The subscriber from our Class binding when it names this workspace, else by user name within it. */
    private UUID subscriberOf(UUID workspace, String binding, String username) {
        String prefix = "reroute:" + workspace + ":";
        if (binding != null && binding.startsWith(prefix)) {
            try {
                return UUID.fromString(binding.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                // Not ours after all: fall back to the user name.
            }
        }
        return username == null
                ? null
                : state.byUsername(workspace, username)
                        .map(Subscriber::subscriberId)
                        .orElse(null);
    }

    private static String text(RadiusRequest request, int type) {
        return request.getAttribute(type)
                .map(a -> new String(a.getValue(), StandardCharsets.UTF_8))
                .orElse(null);
    }

    private static long unsigned(RadiusRequest request, int type, long absent) {
        return request.getAttribute(type)
                .map(RadiusAttribute::getValue)
                .filter(v -> v.length == 4)
                .map(v -> ((v[0] & 0xffL) << 24) | ((v[1] & 0xffL) << 16) | ((v[2] & 0xffL) << 8) | (v[3] & 0xffL))
                .orElse(absent);
    }

    private static String address(RadiusRequest request, int type) {
        return request.getAttribute(type)
                .map(RadiusAttribute::getValue)
                .filter(v -> v.length == 4)
                .map(NetUtil::bytesToIpAddress)
                .orElse(null);
    }
}
