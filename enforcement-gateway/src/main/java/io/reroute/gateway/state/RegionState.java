package io.reroute.gateway.state;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.springframework.stereotype.Component;

/**
 * The region's enforcement state in memory: subscribers by id, by address (static IPv4, static
 * IPv6, delegated IPv6 prefix by longest match) and by PPPoE username within their workspace,
 * workspaces by id, NAS clients by address, and the stream position it corresponds to. One writer (the sync) and any number of readers (DNS, HTTP); an update only ever
 * replaces a subscriber with a newer version, so replayed or late events change nothing.
 */
@Component
public class RegionState {

    private volatile Index index = new Index();
    private volatile String position;
    private volatile Instant loadedAt;

    /** Replaces everything with a snapshot taken at {@code position}. */
    public synchronized void replace(
            Collection<Workspace> workspaces, Collection<Subscriber> subscribers, String position, Instant at) {
        var fresh = new Index();
        workspaces.forEach(fresh::put);
        subscribers.forEach(fresh::put);
        this.index = fresh;
        this.position = position;
        this.loadedAt = at;
    }

    /**
     * Applies a subscriber from the stream unless it is not newer than what is held; the change when
     * it replaced a record, empty when it did not (not newer, or a subscriber new to the gateway).
     */
    public synchronized Optional<SubscriberChanged> apply(Subscriber subscriber) {
        var current = index.subscribers.get(subscriber.subscriberId());
        if (current != null && !subscriber.newerThan(current)) {
            return Optional.empty();
        }
        if (current != null) {
            index.remove(current);
        }
        index.put(subscriber);
        return current == null ? Optional.empty() : Optional.of(new SubscriberChanged(current, subscriber));
    }

    /**
     * Replaces the data left of the subscriber held, keeping the rest of its record and its
     * versions: the platform's quota updates are not versioned, and are so frequent that they carry
     * no whole record. Nothing when the subscriber is not held (in that workspace) or the count did
     * not change.
     */
    public synchronized void applyQuota(UUID workspaceId, UUID subscriberId, Long dataRemaining) {
        var current = subscriberId == null ? null : index.subscribers.get(subscriberId);
        if (current == null
                || !current.workspaceId().equals(workspaceId)
                || Objects.equals(current.dataRemaining(), dataRemaining)) {
            return;
        }
        // Under the same keys: overwriting, unlike remove and put, never leaves readers without the subscriber.
        index.put(current.withDataRemaining(dataRemaining));
    }

    /** Replaces a workspace's view (landing addresses, reminder host, allowlist, RADIUS) with a newer one. */
    public synchronized void apply(Workspace workspace) {
        var current = index.workspaces.get(workspace.id());
        if (current != null) {
            index.remove(current);
        }
        index.put(workspace);
    }

    public void advance(String streamPosition) {
        this.position = streamPosition;
    }

    /** Whether a snapshot has been loaded since start. */
    public boolean loaded() {
        return loadedAt != null;
    }

    public String position() {
        return position;
    }

    public int subscriberCount() {
        return index.subscribers.size();
    }

    /** The workspaces held now; a live view. */
    public Collection<Workspace> workspaces() {
        return index.workspaces.values();
    }

    /**
     * The subscribers held now; a live view that may already show versions newer than {@link
     * #position()} read before it, which replaying the stream from that position leaves as they are.
     */
    public Collection<Subscriber> subscribers() {
        return index.subscribers.values();
    }

    public Optional<Subscriber> subscriber(UUID id) {
        return Optional.ofNullable(index.subscribers.get(id));
    }

    public Optional<Workspace> workspace(UUID id) {
        return Optional.ofNullable(index.workspaces.get(id));
    }

    /** The NAS client sending from {@code address}; addresses are unique within a region. */
    public Optional<NasClient> nas(InetAddress address) {
        return Optional.ofNullable(index.nas.get(new Bytes(address.getAddress())));
    }

    /** The workspace's subscriber logging in as {@code username}; another workspace's never. */
    public Optional<Subscriber> byUsername(UUID workspace, String username) {
        return Optional.ofNullable(index.usernames.get(new Username(workspace, username)));
    }

    /** The subscriber using {@code address}: a static address, or the longest delegated prefix holding it. */
    public Optional<Subscriber> bySource(InetAddress address) {
        var current = index;
        if (address instanceof Inet4Address) {
            return Optional.ofNullable(current.ipv4.get(NetUtil.ipv4AddressToInt((Inet4Address) address)));
        }
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            var exact = current.ipv6.get(new Bytes(bytes));
            if (exact != null) {
                return Optional.of(exact);
            }
            for (int length : current.prefixLengths.descendingSet()) {
                var byPrefix = current.prefixes.get(length);
                var match = byPrefix == null ? null : byPrefix.get(new Bytes(mask(bytes, length)));
                if (match != null) {
                    return Optional.of(match);
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] mask(byte[] address, int length) {
        byte[] masked = Arrays.copyOf(address, address.length);
        for (int bit = length; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    /** A byte array with value equality, as a map key. */
    private record Bytes(byte[] value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }

    private record Username(UUID workspace, String name) {}

    private static final class Index {
        final Map<UUID, Subscriber> subscribers = new ConcurrentHashMap<>();
        final Map<Username, Subscriber> usernames = new ConcurrentHashMap<>();
        final Map<Bytes, NasClient> nas = new ConcurrentHashMap<>();
        final Map<UUID, Workspace> workspaces = new ConcurrentHashMap<>();
        final Map<Integer, Subscriber> ipv4 = new ConcurrentHashMap<>();
        final Map<Bytes, Subscriber> ipv6 = new ConcurrentHashMap<>();
        final Map<Integer, Map<Bytes, Subscriber>> prefixes = new ConcurrentHashMap<>();
        final ConcurrentSkipListSet<Integer> prefixLengths = new ConcurrentSkipListSet<>();

        void put(Workspace w) {
            workspaces.put(w.id(), w);
            w.nasClients().forEach(n -> nas.put(new Bytes(n.address().getAddress()), n));
        }

        void remove(Workspace w) {
            w.nasClients().forEach(n -> nas.remove(new Bytes(n.address().getAddress()), n));
        }

        void put(Subscriber s) {
            subscribers.put(s.subscriberId(), s);
            if (s.pppoeUsername() != null) {
                usernames.put(new Username(s.workspaceId(), s.pppoeUsername()), s);
            }
            if (s.staticIpv4() != null) {
                ipv4.put(NetUtil.ipv4AddressToInt((Inet4Address) parse(s.staticIpv4())), s);
            }
            if (s.staticIpv6() != null) {
                ipv6.put(new Bytes(parse(s.staticIpv6()).getAddress()), s);
            }
            if (s.delegatedPrefix() != null) {
                var prefix = prefix(s.delegatedPrefix());
                prefixLengths.add(prefix.length());
                prefixes.computeIfAbsent(prefix.length(), l -> new ConcurrentHashMap<>())
                        .put(prefix.network(), s);
            }
        }

        void remove(Subscriber s) {
            subscribers.remove(s.subscriberId());
            if (s.pppoeUsername() != null) {
                usernames.remove(new Username(s.workspaceId(), s.pppoeUsername()), s);
            }
            if (s.staticIpv4() != null) {
                ipv4.remove(NetUtil.ipv4AddressToInt((Inet4Address) parse(s.staticIpv4())), s);
            }
            if (s.staticIpv6() != null) {
                ipv6.remove(new Bytes(parse(s.staticIpv6()).getAddress()), s);
            }
            if (s.delegatedPrefix() != null) {
                var prefix = prefix(s.delegatedPrefix());
                var byPrefix = prefixes.get(prefix.length());
                if (byPrefix != null) {
                    byPrefix.remove(prefix.network(), s);
                }
            }
        }

        private static InetAddress parse(String address) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                throw new IllegalArgumentException("not an IP address: " + address);
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }

        private static Prefix prefix(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] network = parse(cidr.substring(0, slash)).getAddress();
            int length = Integer.parseInt(cidr.substring(slash + 1));
            return new Prefix(new Bytes(mask(network, length)), length);
        }

        private record Prefix(Bytes network, int length) {}
    }
}
