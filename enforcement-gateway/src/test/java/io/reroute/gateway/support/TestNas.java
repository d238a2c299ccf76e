package io.reroute.gateway.support;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.DefaultDictionary;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;

/**
 * A NAS sending from a loopback address of its own (127.0.0.x), for what radclient cannot do: send
 * from another address, leave out Message-Authenticator, or send raw bytes. Checks every reply's
 * authenticator and Message-Authenticator with its secret.
 */
public final class TestNas implements AutoCloseable {

    private static final Dictionary DICTIONARY = DefaultDictionary.INSTANCE;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final DatagramSocket socket;
    private final String secret;

    public TestNas(String localAddress, String secret) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        this.socket.setSoTimeout(1000);
        this.secret = secret;
    }

    /** A PAP Access-Request; with {@code messageAuthenticator} false, one sent without it. */
    public Optional<RadiusResponse> access(int port, String user, String password, boolean messageAuthenticator)
            throws IOException, RadiusPacketException {
        var request = ((AccessRequest) RadiusRequest.create(
                        DICTIONARY,
                        (byte) 1,
                        (byte) IDS.incrementAndGet(),
                        null,
                        List.of(DICTIONARY.createAttribute("User-Name", user))))
                .withPapPassword(password);
        RadiusRequest encoded = request.encodeRequest(secret);
        if (!messageAuthenticator) {
            encoded = encoded.removeAttributes(80);
        }
        return exchange(port, encoded);
    }

    /** An Accounting-Request with the given attributes (by dictionary name, values as text). */
    public Optional<RadiusResponse> accounting(int port, Map<String, String> attributes)
            throws IOException, RadiusPacketException {
        var list = new ArrayList<RadiusAttribute>();
        attributes.forEach((name, value) -> list.add(DICTIONARY.createAttribute(name, value)));
        var request = RadiusRequest.create(DICTIONARY, (byte) 4, (byte) IDS.incrementAndGet(), null, list);
        return exchange(port, request.encodeRequest(secret));
    }

    /** Sends raw bytes; the reply's bytes, or empty when none came within a second. */
    public Optional<byte[]> raw(int port, byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
        var buffer = new byte[4096];
        var reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOf(buffer, reply.getLength()));
    }

    private Optional<RadiusResponse> exchange(int port, RadiusRequest request)
            throws IOException, RadiusPacketException {
        var buffer = request.toByteBuf();
        var bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        var reply = raw(port, bytes);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RadiusResponse.fromByteBuf(DICTIONARY, Unpooled.wrappedBuffer(reply.get()))
                .decodeResponse(secret, request.getAuthenticator()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
