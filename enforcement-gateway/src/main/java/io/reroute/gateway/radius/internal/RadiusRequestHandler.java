package io.reroute.gateway.radius.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.reroute.gateway.radius.internal.AccountingSessions.AccountingRecord;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final int PROXY_STATE = 33;
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

    private static final List<String> TERMINATE_CAUSES = List.of(
            "User-Request",
            "Lost-Carrier",
            "Lost-Service",
            "Idle-Timeout",
            "Session-Timeout",
            "Admin-Reset",
            "Admin-Reboot",
            "Port-Error",
            "NAS-Error",
            "NAS-Request",
            "NAS-Reboot",
            "Port-Unneeded",
            "Port-Preempted",
            "Port-Suspended",
            "Service-Unavailable",
            "Callback",
            "User-Error",
            "Host-Request",
            "Supplicant-Restart",
            "Reauthentication-Failure",
            "Port-Reinitialized",
            "Port-Administratively-Disabled");

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
    private final RecentRadiusReplies replies;
    private final Clock clock;

    RadiusRequestHandler(
            RegionState state,
            RadiusSecrets secrets,
            AccountingSessions sessions,
            AccountingForwarder forwarder,
            RadiusMetrics metrics,
            RecentRadiusReplies replies,
            Clock clock) {
        this.state = state;
        this.secrets = secrets;
        this.policy = new AccessPolicy();
        this.sessions = sessions;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RadiusExchange exchange) {
        RadiusPacket request = exchange.request();
        Answer answer = request.code() == DatagramRadiusRequestDecoder.ACCESS_REQUEST
                ? access(exchange, request)
                : accounting(exchange, request);
        if (answer == null) {
            return;
        }
        var response = RadiusResponses.encode(
                ctx.alloc(),
                answer.code(),
                request.identifier(),
                request.authenticator(),
                answer.attributes(),
                request.all(PROXY_STATE),
                exchange.secret());
        ctx.write(new DatagramPacket(response, exchange.sender()));
        if (answer.subscriber() != null) {
            replies.remember(answer.subscriber(), exchange.nas(), answer.code(), answer.attributes(), clock.millis());
        }
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

    /** What to send; {@code subscriber} is whom an Access answer concerns, remembered for diagnosis. */
    private record Answer(int code, List<byte[]> attributes, Subscriber subscriber) {

        static final Answer ACCOUNTING = new Answer(RadiusResponses.ACCOUNTING_RESPONSE, List.of(), null);
    }

    private Answer access(RadiusExchange exchange, RadiusPacket request) {
        var nas = exchange.nas();
        UUID workspaceId = nas.workspaceId();
        String username = request.text(USER_NAME);
        Optional<Subscriber> subscriber = username == null ? Optional.empty() : state.byUsername(workspaceId, username);
        // EAP, ARAP and requests without credentials: nothing we can check a password with.
        boolean authenticated = subscriber
                .flatMap(secrets::password)
                .map(password -> request.credentialsMatch(exchange.secret(), password.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
        if (!authenticated) {
            metrics.answered("access", "reject", workspaceId);
            return new Answer(
                    RadiusResponses.ACCESS_REJECT,
                    AccessPolicy.reject(AccessPolicy.REJECT_MESSAGE),
                    subscriber.orElse(null));
        }
        var profile = state.workspace(workspaceId).map(Workspace::radius).orElse(RadiusProfile.DEFAULT);
        metrics.answered("access", subscriber.get().redirected() ? "accept-restricted" : "accept", workspaceId);
        return new Answer(
                RadiusResponses.ACCESS_ACCEPT, policy.accept(nas, profile, subscriber.get()), subscriber.get());
    }

    private Answer accounting(RadiusExchange exchange, RadiusPacket request) {
        var nas = exchange.nas();
        long status = request.unsigned(ACCT_STATUS_TYPE, -1);
        long timestamp = request.unsigned(EVENT_TIMESTAMP, -1);
        Instant at = timestamp > 0 ? Instant.ofEpochSecond(timestamp) : clock.instant();
        if (status == ACCOUNTING_ON || status == ACCOUNTING_OFF) {
            boolean on = status == ACCOUNTING_ON;
            String cause = on ? "NAS-Reboot" : "NAS-Request";
            int closed = sessions.closeAll(nas.id(), at, cause);
            if (!forwarder.nasRestarted(nas.workspaceId(), nas.id(), at, cause)) {
                return unrecorded(nas.workspaceId());
            }
            log.info("{} from {}: {} open sessions closed", on ? "Accounting-On" : "Accounting-Off", nas, closed);
            metrics.answered("accounting", on ? "accounting-on" : "accounting-off", nas.workspaceId());
            return Answer.ACCOUNTING;
        }
        String sessionId = request.text(ACCT_SESSION_ID);
        if (sessionId == null || (status != START && status != STOP && status != INTERIM_UPDATE)) {
            // Acknowledged so the NAS stops retransmitting, but nothing to track.
            metrics.answered("accounting", "ignored", nas.workspaceId());
            return Answer.ACCOUNTING;
        }
        String username = request.text(USER_NAME);
        var session = sessions.update(new AccountingRecord(
                nas.workspaceId(),
                nas.id(),
                sessionId,
                username,
                subscriberOf(nas.workspaceId(), request.text(CLASS), username),
                request.ipv4(FRAMED_IP_ADDRESS),
                at,
                (request.unsigned(ACCT_INPUT_GIGAWORDS, 0) << 32) + request.unsigned(ACCT_INPUT_OCTETS, 0),
                (request.unsigned(ACCT_OUTPUT_GIGAWORDS, 0) << 32) + request.unsigned(ACCT_OUTPUT_OCTETS, 0),
                request.unsigned(ACCT_SESSION_TIME, 0),
                status == STOP,
                status == STOP ? terminateCause(request.unsigned(ACCT_TERMINATE_CAUSE, 0)) : null));
        if (!forwarder.session(session)) {
            return unrecorded(nas.workspaceId());
        }
        metrics.answered(
                "accounting",
                status == START ? "start" : status == STOP ? "stop" : "interim-update",
                nas.workspaceId());
        return Answer.ACCOUNTING;
    }

    /**
     * RFC 2866 §2: no Accounting-Response for what could not be recorded, so that the NAS sends it
     * again (the session's standing already changed here; the retry carries the same).
     */
    private Answer unrecorded(UUID workspace) {
        metrics.dropped(RadiusMetrics.Drop.ACCOUNTING_BACKLOG, workspace);
        return null;
    }

    /** RFC 2866 §5.10 (and RFC 3580 for 19 to 22) by name; an unknown value as its number. */
    private static String terminateCause(long value) {
        return value >= 1 && value <= TERMINATE_CAUSES.size()
                ? TERMINATE_CAUSES.get((int) value - 1)
                : value == 0 ? null : Long.toString(value);
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
}
