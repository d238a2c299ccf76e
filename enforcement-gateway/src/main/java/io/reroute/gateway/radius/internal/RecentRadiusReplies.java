package io.reroute.gateway.radius.internal;

import io.netty.util.NetUtil;
import io.reroute.gateway.radius.RadiusProperties;
import io.reroute.gateway.radius.RadiusReplies;
import io.reroute.gateway.radius.RadiusReply;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.Subscriber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.springframework.stereotype.Component;

/**
 * The last Access answer per subscriber, for the last {@code repliesRemembered} answers: a ring of
 * subscriber ids in the order they were answered bounds the map, and an answer leaves it when its
 * slot comes round again without a newer one for the subscriber. Lock-free, because every RADIUS
 * event loop writes here once per login. The attributes are kept as they were encoded and only read
 * back when someone asks, so that remembering costs one small object per answer.
 */
@Component
final class RecentRadiusReplies implements RadiusReplies {

    private static final int FRAMED_IP_ADDRESS = 8;
    private static final int FILTER_ID = 11;
    private static final int REPLY_MESSAGE = 18;
    private static final int FRAMED_POOL = 88;
    private static final int MIKROTIK_RATE_LIMIT = 8;
    private static final int MIKROTIK_TOTAL_LIMIT = 17;
    private static final int MIKROTIK_TOTAL_LIMIT_GIGAWORDS = 18;
    private static final int MIKROTIK_ADDRESS_LIST = 19;

    /** One answer as sent; {@code sequence} orders the answers this gateway remembered. */
    private record Sent(long sequence, UUID workspace, NasClient nas, int code, List<byte[]> attributes, long at) {}

    private final Map<UUID, Sent> bySubscriber = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<UUID> answered;
    private final AtomicLong sequence = new AtomicLong();
    private final int capacity;

    RecentRadiusReplies(RadiusProperties properties) {
        this.capacity = Math.max(0, properties.repliesRemembered());
        this.answered = new AtomicReferenceArray<>(capacity);
    }

    /** Remembers the answer just sent to {@code subscriber}'s Access-Request through {@code nas}. */
    void remember(Subscriber subscriber, NasClient nas, int code, List<byte[]> attributes, long atMillis) {
        if (capacity == 0) {
            return;
        }
        long n = sequence.getAndIncrement();
        UUID id = subscriber.subscriberId();
        bySubscriber.merge(
                id,
                new Sent(n, subscriber.workspaceId(), nas, code, attributes, atMillis),
                (held, sent) -> sent.sequence() > held.sequence() ? sent : held);
        UUID forgotten = answered.getAndSet((int) (n % capacity), id);
        if (forgotten != null) {
            long oldestKept = n - capacity + 1;
            bySubscriber.computeIfPresent(forgotten, (key, held) -> held.sequence() < oldestKept ? null : held);
        }
    }

    @Override
    public Optional<RadiusReply> last(UUID workspace, UUID subscriber) {
        Sent sent = subscriber == null ? null : bySubscriber.get(subscriber);
        if (sent == null || !sent.workspace().equals(workspace)) {
            return Optional.empty();
        }
        return Optional.of(read(sent));
    }

    /** The answer's deciding attributes, read back from what was encoded. */
    private static RadiusReply read(Sent sent) {
        String framedIp = null;
        String pool = null;
        String filterId = null;
        String message = null;
        String addressList = null;
        String rateLimit = null;
        Long totalLow = null;
        long totalHigh = 0;
        for (byte[] attribute : sent.attributes()) {
            int type = attribute[0] & 0xff;
            byte[] value = Arrays.copyOfRange(attribute, 2, attribute.length);
            switch (type) {
                case FRAMED_IP_ADDRESS -> framedIp = NetUtil.bytesToIpAddress(value);
                case FRAMED_POOL -> pool = text(value);
                case FILTER_ID -> filterId = text(value);
                case REPLY_MESSAGE -> message = text(value);
                case RadiusAttributes.VENDOR_SPECIFIC -> {
                    int vendor = (int) number(value, 0, 4);
                    if (vendor != RadiusDictionary.MIKROTIK) {
                        continue;
                    }
                    for (int at = 4;
                            at + 2 <= value.length && (value[at + 1] & 0xff) >= 2;
                            at += value[at + 1] & 0xff) {
                        int subType = value[at] & 0xff;
                        byte[] sub =
                                Arrays.copyOfRange(value, at + 2, Math.min(value.length, at + (value[at + 1] & 0xff)));
                        switch (subType) {
                            case MIKROTIK_ADDRESS_LIST -> addressList = text(sub);
                            case MIKROTIK_RATE_LIMIT -> rateLimit = text(sub);
                            case MIKROTIK_TOTAL_LIMIT -> totalLow = number(sub, 0, sub.length);
                            case MIKROTIK_TOTAL_LIMIT_GIGAWORDS -> totalHigh = number(sub, 0, sub.length);
                            default -> {
                                // Not one that decides where the subscriber lands.
                            }
                        }
                    }
                }
                default -> {
                    // Class, interim interval, IPv6 addresses: not asked about.
                }
            }
        }
        return new RadiusReply(
                sent.code() == RadiusResponses.ACCESS_ACCEPT ? "Access-Accept" : "Access-Reject",
                Instant.ofEpochMilli(sent.at()),
                sent.nas().id(),
                sent.nas().name(),
                framedIp,
                pool,
                addressList,
                rateLimit,
                totalLow == null ? null : (totalHigh << 32) + totalLow,
                filterId,
                message);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static long number(byte[] value, int from, int to) {
        long number = 0;
        for (int i = from; i < to; i++) {
            number = number << 8 | value[i] & 0xff;
        }
        return number;
    }
}
