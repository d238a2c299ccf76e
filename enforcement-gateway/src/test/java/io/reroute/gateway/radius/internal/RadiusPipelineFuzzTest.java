package io.reroute.gateway.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.radius.RadiusProperties;
import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import io.reroute.gateway.sync.SyncProperties;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.tinyradius.core.dictionary.DefaultDictionary;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

/**
 * Mutation fuzzing of the RADIUS pipeline (decoder and handler) on both ports: valid Access- and
 * Accounting-Requests with random bytes changed or cut off, sent from the NAS, from a stranger and
 * under the wrong secret. Every packet is released, no error escapes, nothing gets more than one
 * answer and nothing the NAS did not sign gets any. Run with Netty's paranoid leak detector.
 */
class RadiusPipelineFuzzTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 1812);
    private static final InetSocketAddress NAS = new InetSocketAddress("192.0.2.1", 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("192.0.2.99", 40000);
    private static final String SECRET = "fuzzing-shared-secret";

    @Test
    void mutatedRequestsAreAnsweredAtMostOnceReleasedAndNeverEscapeAsErrors() throws Exception {
        var workspace = UUID.randomUUID();
        var subscriber = UUID.randomUUID();
        var nasId = UUID.randomUUID();
        var seal = RegionSeal.of("fuzz", "gateway-secret");
        var state = new RegionState();
        state.replace(
                List.of(new Workspace(
                        workspace,
                        null,
                        null,
                        null,
                        Allowlist.EMPTY,
                        RadiusProfile.DEFAULT,
                        List.of(new NasClient(
                                nasId,
                                workspace,
                                "bras",
                                InetAddress.getByName("192.0.2.1"),
                                seal.seal(SECRET, SealContexts.nasSecret(workspace, nasId)),
                                3799,
                                "MIKROTIK",
                                true)),
                        List.of())),
                List.of(new Subscriber(
                        workspace,
                        subscriber,
                        "F-1",
                        1,
                        "BLOCKED",
                        "10.0.0.2",
                        null,
                        null,
                        "fuzz@isp",
                        1,
                        seal.seal("fuzz-pw", SealContexts.pppoePassword(workspace, subscriber)),
                        "1M/1M",
                        null,
                        null)),
                "0-0",
                Instant.now());
        var secrets = new RadiusSecrets(
                new GatewayProperties("fuzz", URI.create("http://127.0.0.1:1")),
                new SyncProperties(
                        "gateway-secret",
                        Duration.ofSeconds(5),
                        500,
                        Duration.ofHours(1),
                        Duration.ofSeconds(30),
                        null,
                        Duration.ofSeconds(30)));
        var metrics = new RadiusMetrics(new SimpleMeterRegistry());
        // Never started: session updates only queue up.
        var forwarder = new AccountingForwarder(
                new ReactiveStringRedisTemplate(new LettuceConnectionFactory()),
                new GatewayProperties("fuzz", URI.create("http://127.0.0.1:1")),
                new SimpleMeterRegistry());
        var handler = new RadiusRequestHandler(
                state,
                secrets,
                new AccountingSessions(),
                forwarder,
                metrics,
                new RecentRadiusReplies(
                        new RadiusProperties(true, "127.0.0.1", 0, 0, 1, Duration.ofSeconds(1), 3, 1000)),
                Clock.systemUTC());
        var auth = new EmbeddedChannel(new DatagramRadiusRequestDecoder(1, state, secrets, metrics), handler);
        var accounting = new EmbeddedChannel(new DatagramRadiusRequestDecoder(4, state, secrets, metrics), handler);

        byte[] access = bytes(((AccessRequest) RadiusRequest.create(
                        DefaultDictionary.INSTANCE,
                        (byte) 1,
                        (byte) 7,
                        null,
                        List.of(DefaultDictionary.INSTANCE.createAttribute("User-Name", "fuzz@isp"))))
                .withPapPassword("fuzz-pw")
                .encodeRequest(SECRET));
        byte[] start = bytes(RadiusRequest.create(
                        DefaultDictionary.INSTANCE,
                        (byte) 4,
                        (byte) 8,
                        null,
                        List.of(
                                DefaultDictionary.INSTANCE.createAttribute("Acct-Status-Type", "Start"),
                                DefaultDictionary.INSTANCE.createAttribute("Acct-Session-Id", "s-1"),
                                DefaultDictionary.INSTANCE.createAttribute("User-Name", "fuzz@isp")))
                .encodeRequest(SECRET));
        byte[] wrongSecret = bytes(RadiusRequest.create(
                        DefaultDictionary.INSTANCE,
                        (byte) 4,
                        (byte) 9,
                        null,
                        List.of(DefaultDictionary.INSTANCE.createAttribute("Acct-Status-Type", "Start")))
                .encodeRequest("another-secret"));

        assertThat(send(auth, access, NAS)).as("the valid Access-Request").isEqualTo(1);
        assertThat(send(accounting, start, NAS))
                .as("the valid Accounting-Request")
                .isEqualTo(1);
        assertThat(send(accounting, wrongSecret, NAS))
                .as("signed with another secret")
                .isZero();
        assertThat(send(auth, access, STRANGER)).as("from a stranger").isZero();

        var random = new Random(2026);
        for (int i = 0; i < 20_000; i++) {
            boolean isAccess = random.nextBoolean();
            byte[] packet = (isAccess ? access : start).clone();
            boolean changed = false;
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                int at = random.nextInt(packet.length);
                byte value = (byte) random.nextInt(256);
                changed |= packet[at] != value;
                packet[at] = value;
            }
            if (random.nextInt(4) == 0) {
                int length = random.nextInt(packet.length);
                packet = Arrays.copyOf(packet, length);
                changed = true;
            }
            var source = random.nextInt(10) == 0 ? STRANGER : NAS;
            int answers = send(isAccess ? auth : accounting, packet, source);
            assertThat(answers).as("packet %d", i).isLessThanOrEqualTo(1);
            if (source == STRANGER || (changed && !isAccess)) {
                // Accounting is signed end to end: a change breaks the authenticator (or the parse).
                assertThat(answers)
                        .as("packet %d: %s", i, Arrays.toString(packet))
                        .isZero();
            }
        }
        assertThat(auth.finish()).isFalse();
        assertThat(accounting.finish()).isFalse();
    }

    /** Writes one datagram, checks it was released and nothing escaped; returns the answers. */
    private static int send(EmbeddedChannel channel, byte[] packet, InetSocketAddress source) {
        ByteBuf buffer = Unpooled.directBuffer(packet.length).writeBytes(packet);
        channel.writeInbound(new DatagramPacket(buffer, SERVER, source));
        int answers = 0;
        for (Object out; (out = channel.readOutbound()) != null; ) {
            assertThat(out).isInstanceOf(DatagramPacket.class);
            answers++;
            ReferenceCountUtil.release(out);
        }
        assertThat(buffer.refCnt()).as("the packet is released").isZero();
        channel.checkException();
        return answers;
    }

    private static byte[] bytes(RadiusRequest request) {
        var buffer = request.toByteBuf();
        var bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
