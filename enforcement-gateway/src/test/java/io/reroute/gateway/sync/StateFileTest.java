package io.reroute.gateway.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Router;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import io.reroute.gateway.support.StateFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path directory;

    private final UUID workspace = UUID.randomUUID();
    private final Instant snapshotAt = Instant.parse("2026-11-21T10:00:00Z");
    private final Instant savedAt = Instant.parse("2026-11-21T10:04:00Z");

    @Test
    void roundTripsTheWholeState() throws Exception {
        var file = new StateFile(directory, "eu-west");
        var w = new Workspace(
                workspace,
                "pay.isp.example",
                InetAddress.getByName("203.0.113.10"),
                InetAddress.getByName("2001:db8::10"),
                Allowlist.of(List.of("*.stripe.com", "paypal.com")),
                new RadiusProfile("unpaid", "256k/512k", "expired-pool", 600),
                List.of(new NasClient(
                        UUID.randomUUID(),
                        workspace,
                        "bras",
                        InetAddress.getByName("192.0.2.1"),
                        "r1:sealed:secret",
                        3799,
                        "MIKROTIK",
                        true)),
                List.of(new Router(
                        UUID.randomUUID(),
                        workspace,
                        "core-1",
                        "core-1.isp.example",
                        8729,
                        true,
                        "reroute",
                        "r1:sealed:password",
                        "ACCESS",
                        null)));
        var blocked = new Subscriber(
                workspace,
                UUID.randomUUID(),
                "A-1",
                7,
                "BLOCKED",
                "100.64.0.1",
                "2001:db8::1",
                "2001:db8:1::/48",
                "a-1@isp",
                3,
                "r1:sealed:password",
                "20000k/100000k",
                "REDIRECT",
                0L);
        var throttled = new Subscriber(
                workspace,
                UUID.randomUUID(),
                "A-2",
                2,
                "ACTIVE",
                null,
                null,
                null,
                "a-2@isp",
                1,
                "r1:sealed:password",
                "10M/10M",
                "THROTTLE",
                (5L << 30) + 123);
        var bare = new Subscriber(
                workspace, UUID.randomUUID(), null, 1, "ACTIVE", null, null, null, null, 0, null, null, null, null);
        var withoutLanding = new Workspace(UUID.randomUUID(), null, null, null, Allowlist.EMPTY, null, null, null);

        file.write(
                "1700000000000-3", snapshotAt, savedAt, List.of(w, withoutLanding), List.of(blocked, throttled, bare));
        var saved = file.read().orElseThrow();

        assertThat(saved.position()).isEqualTo("1700000000000-3");
        assertThat(saved.snapshotAt()).isEqualTo(snapshotAt);
        assertThat(saved.savedAt()).isEqualTo(savedAt);
        assertThat(saved.subscribers()).containsExactly(blocked, throttled, bare);
        assertThat(saved.workspaces()).hasSize(2);
        var restored = saved.workspaces().getFirst();
        assertThat(restored.landingIpv4()).isEqualTo(w.landingIpv4());
        assertThat(restored.landingIpv6()).isEqualTo(w.landingIpv6());
        assertThat(restored.allowlist().entries()).containsExactly("*.stripe.com", "paypal.com");
        assertThat(restored.reachable("checkout.stripe.com")).isTrue();
        assertThat(restored.radius()).isEqualTo(w.radius());
        assertThat(restored.nasClients()).isEqualTo(w.nasClients());
        assertThat(restored.routers()).isEqualTo(w.routers());
        assertThat(saved.workspaces().get(1).radius()).isEqualTo(RadiusProfile.DEFAULT);
        assertThat(saved.workspaces().get(1).landingIpv4()).isNull();
    }

    @Test
    void aDamagedFileOrAnotherRegionsIsRefusedAndNoFileIsNothing() throws Exception {
        var file = new StateFile(directory, "eu-west");
        assertThat(file.read()).isEmpty();
        file.write(
                "1-0",
                snapshotAt,
                savedAt,
                List.of(),
                List.of(StateFixtures.subscriber(workspace, "A", "ACTIVE", "10.0.0.1")));

        assertThat(new StateFile(directory, "us-east").read()).isEmpty();
        Files.copy(file.path(), directory.resolve("us-east.state"));
        assertThatThrownBy(() -> new StateFile(directory, "us-east").read())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("eu-west");

        byte[] bytes = Files.readAllBytes(file.path());
        bytes[bytes.length - 20] ^= 0x01;
        Files.write(file.path(), bytes);
        assertThatThrownBy(file::read).isInstanceOf(IOException.class);

        Files.write(file.path(), new byte[] {1, 2, 3});
        assertThatThrownBy(file::read).isInstanceOf(IOException.class);
    }

    @Test
    void aFileOfAnEarlierFormatIsRefused() throws Exception {
        var file = new StateFile(directory, "eu-west");
        file.write("1-0", snapshotAt, savedAt, List.of(), List.of());
        byte[] bytes = Files.readAllBytes(file.path());
        // Format 3, before data caps: its subscribers have no cap action or data left to read.
        ByteBuffer.wrap(bytes).putInt(4, 3);
        Files.write(file.path(), bytes);

        assertThatThrownBy(file::read).isInstanceOf(IOException.class).hasMessageContaining("format 4");
    }
}
