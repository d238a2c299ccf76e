package io.reroute.gateway.sync;

import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Router;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The region state on local disk, so a restarted gateway enforces at once and tails the stream from
 * where it stopped instead of loading everything again. A compact binary file (about 60 bytes a
 * subscriber, 150 with PPPoE credentials) with a checksum, written to a temporary file and renamed into place: a crash mid-write
 * leaves the previous file. Anything unreadable, of another region or another format is ignored.
 * Secrets (NAS shared secrets, router and PPPoE passwords) are written as the platform sealed them for the
 * region, so the file holds none in the clear.
 */
final class StateFile {

    private static final int MAGIC = 0x52524753; // "RRGS"
    private static final int FORMAT = 4;

    private final Path file;
    private final String region;

    StateFile(Path directory, String region) {
        this.file = directory.resolve(region + ".state");
        this.region = region;
    }

    /** What was saved: the state at a stream position, when its snapshot was taken and when saved. */
    record Saved(
            String position,
            Instant snapshotAt,
            Instant savedAt,
            List<Workspace> workspaces,
            List<Subscriber> subscribers) {}

    Path path() {
        return file;
    }

    void write(
            String position,
            Instant snapshotAt,
            Instant savedAt,
            Collection<Workspace> workspaces,
            Collection<Subscriber> subscribers)
            throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel)) {
            var checksum = new CRC32C();
            var out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), checksum));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(region);
            out.writeUTF(position);
            out.writeLong(snapshotAt.toEpochMilli());
            out.writeLong(savedAt.toEpochMilli());
            var workspaceList = List.copyOf(workspaces);
            out.writeInt(workspaceList.size());
            for (Workspace w : workspaceList) {
                writeUuid(out, w.id());
                writeNullable(out, w.reminderHost());
                writeAddress(out, w.landingIpv4());
                writeAddress(out, w.landingIpv6());
                out.writeInt(w.allowlist().entries().size());
                for (String entry : w.allowlist().entries()) {
                    out.writeUTF(entry);
                }
                var radius = w.radius();
                out.writeUTF(radius.restrictedAddressList());
                out.writeUTF(radius.restrictedRateLimit());
                writeNullable(out, radius.restrictedPool());
                out.writeInt(radius.interimIntervalSeconds());
                out.writeInt(w.nasClients().size());
                for (NasClient nas : w.nasClients()) {
                    writeUuid(out, nas.id());
                    out.writeUTF(nas.name());
                    writeAddress(out, nas.address());
                    out.writeUTF(nas.sealedSecret());
                    out.writeInt(nas.coaPort());
                    out.writeUTF(nas.vendor());
                    out.writeBoolean(nas.requireMessageAuthenticator());
                }
                out.writeInt(w.routers().size());
                for (Router router : w.routers()) {
                    writeUuid(out, router.id());
                    out.writeUTF(router.name());
                    out.writeUTF(router.host());
                    out.writeInt(router.port());
                    out.writeBoolean(router.tls());
                    out.writeUTF(router.username());
                    out.writeUTF(router.sealedPassword());
                    out.writeUTF(router.role());
                    writeNullable(
                            out, router.nasId() == null ? null : router.nasId().toString());
                }
            }
            // The live collection may grow while written: count as we go, end with a marker.
            long count = 0;
            for (Subscriber s : subscribers) {
                out.writeBoolean(true);
                writeUuid(out, s.workspaceId());
                writeUuid(out, s.subscriberId());
                writeNullable(out, s.accountNumber());
                out.writeLong(s.version());
                out.writeUTF(s.state());
                writeNullable(out, s.staticIpv4());
                writeNullable(out, s.staticIpv6());
                writeNullable(out, s.delegatedPrefix());
                writeNullable(out, s.pppoeUsername());
                out.writeLong(s.profileVersion());
                writeNullable(out, s.pppoePassword());
                writeNullable(out, s.rateLimit());
                writeNullable(out, s.capAction());
                out.writeBoolean(s.dataRemaining() != null);
                if (s.dataRemaining() != null) {
                    out.writeLong(s.dataRemaining());
                }
                count++;
            }
            out.writeBoolean(false);
            out.writeLong(count);
            out.flush();
            new DataOutputStream(raw).writeLong(checksum.getValue());
            raw.flush();
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The saved state, or empty when there is none usable (and why, in the exception for the log). */
    Optional<Saved> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            var checksum = new CRC32C();
            var in = new DataInputStream(new CheckedInputStream(raw, checksum));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a gateway state file of format " + FORMAT);
            }
            String savedRegion = in.readUTF();
            if (!savedRegion.equals(region)) {
                throw new IOException("saved for region " + savedRegion);
            }
            String position = in.readUTF();
            Instant snapshotAt = Instant.ofEpochMilli(in.readLong());
            Instant savedAt = Instant.ofEpochMilli(in.readLong());
            int workspaceCount = in.readInt();
            var workspaces = new ArrayList<Workspace>(workspaceCount);
            for (int i = 0; i < workspaceCount; i++) {
                UUID id = readUuid(in);
                String host = readNullable(in);
                InetAddress v4 = readAddress(in);
                InetAddress v6 = readAddress(in);
                int entries = in.readInt();
                var allowlist = new ArrayList<String>(entries);
                for (int e = 0; e < entries; e++) {
                    allowlist.add(in.readUTF());
                }
                var radius = new RadiusProfile(in.readUTF(), in.readUTF(), readNullable(in), in.readInt());
                int nasCount = in.readInt();
                var nasClients = new ArrayList<NasClient>(nasCount);
                for (int n = 0; n < nasCount; n++) {
                    nasClients.add(new NasClient(
                            readUuid(in),
                            id,
                            in.readUTF(),
                            readAddress(in),
                            in.readUTF(),
                            in.readInt(),
                            in.readUTF(),
                            in.readBoolean()));
                }
                int routerCount = in.readInt();
                var routers = new ArrayList<Router>(routerCount);
                for (int r = 0; r < routerCount; r++) {
                    UUID routerId = readUuid(in);
                    String name = in.readUTF();
                    String routerHost = in.readUTF();
                    int port = in.readInt();
                    boolean tls = in.readBoolean();
                    String username = in.readUTF();
                    String password = in.readUTF();
                    String role = in.readUTF();
                    String nas = readNullable(in);
                    routers.add(new Router(
                            routerId,
                            id,
                            name,
                            routerHost,
                            port,
                            tls,
                            username,
                            password,
                            role,
                            nas == null ? null : UUID.fromString(nas)));
                }
                workspaces.add(new Workspace(id, host, v4, v6, Allowlist.of(allowlist), radius, nasClients, routers));
            }
            var subscribers = new ArrayList<Subscriber>();
            while (in.readBoolean()) {
                subscribers.add(new Subscriber(
                        readUuid(in),
                        readUuid(in),
                        readNullable(in),
                        in.readLong(),
                        in.readUTF(),
                        readNullable(in),
                        readNullable(in),
                        readNullable(in),
                        readNullable(in),
                        in.readLong(),
                        readNullable(in),
                        readNullable(in),
                        readNullable(in),
                        in.readBoolean() ? in.readLong() : null));
            }
            if (in.readLong() != subscribers.size()) {
                throw new IOException("subscriber count does not match");
            }
            long expected = checksum.getValue();
            if (new DataInputStream(raw).readLong() != expected) {
                throw new IOException("checksum mismatch");
            }
            return Optional.of(new Saved(position, snapshotAt, savedAt, workspaces, subscribers));
        }
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeAddress(DataOutputStream out, InetAddress address) throws IOException {
        byte[] bytes = address == null ? new byte[0] : address.getAddress();
        out.writeByte(bytes.length);
        out.write(bytes);
    }

    private static InetAddress readAddress(DataInputStream in) throws IOException {
        int length = in.readUnsignedByte();
        if (length == 0) {
            return null;
        }
        if (length != 4 && length != 16) {
            throw new IOException("bad address length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        return InetAddress.getByAddress(bytes);
    }
}
