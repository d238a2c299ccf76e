package io.reroute.gateway.support;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.DefaultDictionary;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;

/**
 * The CoA side of a NAS (RFC 5176), on a loopback address of its own: verifies each CoA- or
 * Disconnect-Request (authenticator, Message-Authenticator present) with its secret, records it,
 * and answers as told: ACK, NAK with an Error-Cause, or nothing.
 */
public final class TestCoaListener implements AutoCloseable {

    public static final int DISCONNECT_REQUEST = 40;
    public static final int COA_REQUEST = 43;
    private static final Dictionary DICTIONARY = DefaultDictionary.INSTANCE;

    /** How to answer a kind of request: {@code null} errorCause with ack true is a plain ACK. */
    public record Answer(boolean silent, boolean ack, Integer errorCause) {
        public static final Answer ACK = new Answer(false, true, null);
        public static final Answer SILENT = new Answer(true, false, null);

        public static Answer nak(int errorCause) {
            return new Answer(false, false, errorCause);
        }
    }

    /**
     * A verified request: its code, attributes as {@code type} or {@code vendor:type} to text, and
     * when it arrived ({@link System#nanoTime}).
     */
    public record Received(int code, Map<String, String> attributes, boolean messageAuthenticator, long arrivedAt) {}

    private final DatagramSocket socket;
    private final String secret;
    private final Thread thread;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Answer coa = Answer.ACK;
    private volatile Answer disconnect = Answer.ACK;

    public TestCoaListener(String address, String secret) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        this.secret = secret;
        this.thread = Thread.ofPlatform().daemon().name("test-coa-" + address).start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void answer(Answer coa, Answer disconnect) {
        this.coa = coa;
        this.disconnect = disconnect;
    }

    /** The next request received within {@code seconds}, or null. */
    public Received next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    public List<Received> drain() {
        var all = new ArrayList<Received>();
        received.drainTo(all);
        return all;
    }

    private void serve() {
        var buffer = new byte[4096];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                long arrivedAt = System.nanoTime();
                var request = RadiusRequest.fromByteBuf(
                                DICTIONARY, Unpooled.copiedBuffer(buffer, 0, packet.getLength()))
                        .decodeRequest(secret);
                int code = request.getType() & 0xff;
                Map<String, String> attributes = attributes(buffer, packet.getLength(), request);
                if (!validMessageAuthenticator(buffer, packet.getLength())) {
                    continue;
                }
                received.add(new Received(code, attributes, attributes.containsKey("80"), arrivedAt));
                Answer answer = code == COA_REQUEST ? coa : disconnect;
                if (answer.silent()) {
                    continue;
                }
                var reply = new ArrayList<RadiusAttribute>();
                if (answer.errorCause() != null) {
                    reply.add(DICTIONARY.createAttribute(
                            -1,
                            101,
                            ByteBuffer.allocate(4).putInt(answer.errorCause()).array()));
                }
                int replyCode = code + (answer.ack() ? 1 : 2);
                var response = RadiusResponse.create(DICTIONARY, (byte) replyCode, request.getId(), null, reply)
                        .encodeResponse(secret, request.getAuthenticator());
                var bytes = response.toByteBuf();
                var out = new byte[bytes.readableBytes()];
                bytes.getBytes(bytes.readerIndex(), out);
                socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException | RadiusPacketException | RuntimeException e) {
                // A request that does not verify gets no answer, as on a real NAS.
            }
        }
    }

    /**
     * The attributes by {@code type}, or {@code vendor:type} inside Vendor-Specific ones (read from
     * the bytes: the default dictionary does not know MikroTik's), values as text; Framed-IP-Address
     * dotted.
     */
    private static Map<String, String> attributes(byte[] packet, int length, RadiusRequest request) {
        var attributes = new LinkedHashMap<String, String>();
        int at = 20;
        while (at + 2 <= length) {
            int type = packet[at] & 0xff;
            int size = packet[at + 1] & 0xff;
            if (type == 26 && size > 6) {
                int vendor = ByteBuffer.wrap(packet, at + 2, 4).getInt();
                int sub = at + 6;
                while (sub + 2 <= at + size) {
                    int subSize = packet[sub + 1] & 0xff;
                    attributes.putIfAbsent(
                            vendor + ":" + (packet[sub] & 0xff),
                            new String(packet, sub + 2, subSize - 2, StandardCharsets.UTF_8));
                    sub += Math.max(subSize, 2);
                }
            } else {
                attributes.putIfAbsent(
                        Integer.toString(type), new String(packet, at + 2, size - 2, StandardCharsets.UTF_8));
            }
            at += Math.max(size, 2);
        }
        request.getAttribute(8).ifPresent(ip -> attributes.put("8", ip.getValueString()));
        return attributes;
    }

    /** RFC 5176 §3.5: HMAC-MD5 over the request with zero authenticator and zero Message-Authenticator. */
    private boolean validMessageAuthenticator(byte[] buffer, int length) {
        byte[] copy = java.util.Arrays.copyOf(buffer, length);
        java.util.Arrays.fill(copy, 4, 20, (byte) 0);
        byte[] received = null;
        for (int at = 20; at + 2 <= length; at += Math.max(copy[at + 1] & 0xff, 2)) {
            if ((copy[at] & 0xff) == 80 && (copy[at + 1] & 0xff) == 18) {
                received = java.util.Arrays.copyOfRange(copy, at + 2, at + 18);
                java.util.Arrays.fill(copy, at + 2, at + 18, (byte) 0);
            }
        }
        if (received == null) {
            return true;
        }
        try {
            var hmac = javax.crypto.Mac.getInstance("HmacMD5");
            hmac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return java.security.MessageDigest.isEqual(received, hmac.doFinal(copy));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
