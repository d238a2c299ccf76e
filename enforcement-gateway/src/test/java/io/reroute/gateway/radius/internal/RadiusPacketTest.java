package io.reroute.gateway.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.dictionary.DefaultDictionary;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

/** Our request codec against packets tinyradius encodes, as an independent implementation of the RFCs. */
class RadiusPacketTest {

    private static final String SECRET = "packet-test-secret";
    private static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);
    private static final String LONG_PASSWORD = "a password of more than sixteen octets";

    @Test
    void opensPapPasswordsOfSeveralBlocksAndChecksTheMessageAuthenticator() throws Exception {
        var packet = parse(access().withPapPassword(LONG_PASSWORD).encodeRequest(SECRET));

        assertThat(packet.code()).isEqualTo(1);
        assertThat(packet.text(1)).isEqualTo("alice@isp");
        assertThat(packet.messageAuthenticatorMatches(KEY, null)).isTrue();
        assertThat(packet.messageAuthenticatorMatches("another-secret".getBytes(StandardCharsets.UTF_8), null))
                .isFalse();
        assertThat(packet.credentialsMatch(KEY, LONG_PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(packet.credentialsMatch(KEY, "a password of more than sixteen".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void checksChapAgainstItsChallengeAttribute() throws Exception {
        var packet = parse(access().withChapPassword("alice-pw").encodeRequest(SECRET));

        assertThat(packet.has(3)).isTrue();
        assertThat(packet.credentialsMatch(KEY, "alice-pw".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(packet.credentialsMatch(KEY, "alice-pX".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void checksTheAccountingAuthenticatorAndReadsValuesByType() throws Exception {
        var dictionary = DefaultDictionary.INSTANCE;
        var request = RadiusRequest.create(
                        dictionary,
                        (byte) 4,
                        (byte) 9,
                        null,
                        List.of(
                                dictionary.createAttribute("Acct-Status-Type", "Interim-Update"),
                                dictionary.createAttribute("Acct-Session-Id", "81a00001"),
                                dictionary.createAttribute("Framed-IP-Address", "100.64.0.10"),
                                dictionary.createAttribute("Acct-Input-Gigawords", "1")))
                .encodeRequest(SECRET);
        var packet = parse(request);

        assertThat(packet.accountingAuthenticatorMatches(KEY)).isTrue();
        assertThat(packet.accountingAuthenticatorMatches("another-secret".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(packet.identifier()).isEqualTo(9);
        assertThat(packet.unsigned(40, -1)).isEqualTo(3);
        assertThat(packet.unsigned(52, -1)).isEqualTo(1);
        assertThat(packet.unsigned(42, -1)).as("absent").isEqualTo(-1);
        assertThat(packet.text(44)).isEqualTo("81a00001");
        assertThat(packet.ipv4(8)).isEqualTo("100.64.0.10");
    }

    @Test
    void refusesAttributesThatDoNotFitThePacket() {
        byte[] truncated = {4, 1, 0, 23, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 44, 9, 'x'};
        byte[] zeroLength = {4, 1, 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 44, 0};

        for (byte[] bytes : List.of(truncated, zeroLength)) {
            assertThatThrownBy(() -> RadiusPacket.parse(Unpooled.wrappedBuffer(bytes), bytes.length))
                    .isInstanceOf(RadiusPacket.MalformedPacketException.class);
        }
        assertThatThrownBy(() -> RadiusPacket.parse(Unpooled.wrappedBuffer(truncated), 40))
                .as("longer than the datagram")
                .isInstanceOf(RadiusPacket.MalformedPacketException.class);
    }

    private static AccessRequest access() throws Exception {
        return (AccessRequest) RadiusRequest.create(
                DefaultDictionary.INSTANCE,
                (byte) 1,
                (byte) 7,
                null,
                List.of(DefaultDictionary.INSTANCE.createAttribute("User-Name", "alice@isp")));
    }

    private static RadiusPacket parse(RadiusRequest request) throws Exception {
        var buffer = request.toByteBuf();
        return RadiusPacket.parse(buffer, buffer.readableBytes());
    }
}
