package io.reroute.gateway.captive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.captive.internal.CaptiveServer;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Curl;
import io.reroute.gateway.support.FakePlatform;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.TestRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The captive HTTP endpoint and the RFC 8908 API as devices meet them: {@code curl} from a
 * subscriber's source address with the Host headers of the OS connectivity probes, state from a
 * snapshot and a real Redis Stream, links signed by the platform's endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaptivePortalIT {

    private static final UUID ISP = UUID.randomUUID();
    private static final UUID OTHER_ISP = UUID.randomUUID();
    private static final UUID UNCONFIGURED_ISP = UUID.randomUUID();
    private static final UUID BLOCKED = UUID.randomUUID();
    private static final UUID ACTIVE = UUID.randomUUID();
    private static final UUID CAPPED = UUID.randomUUID();
    private static final UUID RESTORED = UUID.randomUUID();
    private static final UUID OTHER_BLOCKED = UUID.randomUUID();
    private static final UUID NOWHERE_TO_GO = UUID.randomUUID();

    /** The probes of Android, Apple, Windows, Firefox and GNOME: host, path, what an open network answers. */
    private static final List<Probe> PROBES = List.of(
            new Probe("connectivitycheck.gstatic.com", "/generate_204", 204, ""),
            new Probe(
                    "captive.apple.com",
                    "/hotspot-detect.html",
                    200,
                    "<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>"),
            new Probe("www.msftconnecttest.com", "/connecttest.txt", 200, "Microsoft Connect Test"),
            new Probe("detectportal.firefox.com", "/success.txt", 200, "success\n"),
            new Probe("nmcheck.gnome.org", "/check_network_status.txt", 200, "NetworkManager is online\n"));

    static final TestRegion region = TestRegion.start("captive");
    static final FakePlatform platform = region.platform();
    static final Path keystore;

    static {
        try {
            keystore = selfSignedKeystore();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        platform.serve(Snapshots.snapshot(
                region.name(),
                Snapshots.workspace(ISP, "pay.isp.example", "203.0.113.10", null, "*.stripe.com"),
                Snapshots.subscriberLine(ISP, BLOCKED, "127.0.0.2", 1, "BLOCKED"),
                Snapshots.subscriberLine(ISP, ACTIVE, "127.0.0.3", 1, "ACTIVE"),
                Snapshots.subscriberLine(ISP, CAPPED, "127.0.0.4", 1, "CAPPED"),
                Snapshots.subscriberLine(ISP, RESTORED, "127.0.0.5", 1, "BLOCKED"),
                Snapshots.workspace(OTHER_ISP, "pay.other.example", "198.51.100.7", null),
                Snapshots.subscriberLine(OTHER_ISP, OTHER_BLOCKED, "127.0.0.6", 1, "SUSPENDED"),
                Snapshots.workspace(UNCONFIGURED_ISP, null, "198.51.100.8", null),
                Snapshots.subscriberLine(UNCONFIGURED_ISP, NOWHERE_TO_GO, "127.0.0.7", 1, "BLOCKED")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wire(registry);
        registry.add("reroute.gateway.dns.enabled", () -> "false");
        registry.add("reroute.gateway.radius.enabled", () -> "false");
        registry.add("reroute.gateway.captive.bind", () -> "127.0.0.1");
        registry.add("reroute.gateway.captive.port", () -> "0");
        registry.add("reroute.gateway.captive.tls-port", () -> "0");
        registry.add("reroute.gateway.captive.tls-bundle", () -> "captive");
        registry.add("reroute.gateway.captive.platform-timeout", () -> "500ms");
        registry.add("spring.ssl.bundle.jks.captive.keystore.location", () -> "file:" + keystore);
        registry.add("spring.ssl.bundle.jks.captive.keystore.password", () -> "changeit");
        registry.add("spring.ssl.bundle.jks.captive.keystore.type", () -> "PKCS12");
    }

    @Autowired
    CaptiveServer server;

    @Autowired
    RegionState state;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterAll
    static void stopServers() throws IOException {
        region.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
        platform.up(true);
    }

    @Test
    void everyProbeFromABlockedSubscriberIsRedirectedToOneSignedLinkOnTheReminderHost() throws Exception {
        int signedBefore = platform.linksSigned();
        String first = null;
        for (var probe : PROBES) {
            var response = get("127.0.0.2", probe.host(), probe.path());
            assertThat(response.status()).as(probe.host()).isEqualTo(302);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            String location = response.header("Location");
            assertThat(location).startsWith("https://" + FakePlatform.LINK_HOST + "/link/signed-" + BLOCKED + "-");
            first = first == null ? location : first;
            assertThat(location)
                    .as("one link while the subscriber's state is unchanged")
                    .isEqualTo(first);
        }
        var page = get("127.0.0.2", "news.example.org", "/world?id=1");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.body()).contains("href=\"" + first + "\"");
        assertThat(platform.linksSigned() - signedBefore).isEqualTo(1);

        var head = Curl.request("127.0.0.2", url("/"), "-I", "-H", "Host: example.com");
        assertThat(head.status()).isEqualTo(302);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aSubscriberWhoIsNotBlockedPassesTheProbesAndIsSentOnToWhatTheyAskedFor() throws Exception {
        for (var probe : PROBES) {
            var response = get("127.0.0.3", probe.host(), probe.path());
            assertThat(response.status()).as(probe.host()).isEqualTo(probe.openStatus());
            assertThat(response.body()).as(probe.host()).isEqualTo(probe.openBody());
        }
        var page = get("127.0.0.3", "news.example.org", "/world?id=1&x=<b>");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Service restored")
                .contains("href=\"http://news.example.org/world?id=1&amp;x=&lt;b&gt;\"")
                .doesNotContain("<b>");
        assertThat(get("127.0.0.9", "example.com", "/").body())
                .as("an address the gateway does not know is not restricted")
                .contains("Service restored");
    }

    @Test
    void aRestoreOnTheStreamEndsTheRedirectAtOnce() throws Exception {
        assertThat(get("127.0.0.5", "connectivitycheck.gstatic.com", "/generate_204")
                        .status())
                .isEqualTo(302);
        Snapshots.publish(redis, region.name(), ISP, RESTORED, "127.0.0.5", 2, "ACTIVE");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> state.subscriber(RESTORED)
                .map(s -> s.version() == 2)
                .orElse(false));
        assertThat(get("127.0.0.5", "connectivitycheck.gstatic.com", "/generate_204")
                        .status())
                .isEqualTo(204);

        Snapshots.publish(redis, region.name(), ISP, RESTORED, "127.0.0.5", 3, "BLOCKED");
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        state.subscriber(RESTORED).map(s -> s.version() == 3).orElse(false));
        int signed = platform.linksSigned();
        assertThat(get("127.0.0.5", "example.com", "/").status()).isEqualTo(302);
        assertThat(platform.linksSigned()).as("a new state gets a new link").isEqualTo(signed + 1);
    }

    @Test
    void withThePlatformDownSubscribersStillReachTheirOwnIspsPortal() throws Exception {
        platform.up(false);
        assertThat(get("127.0.0.6", "example.com", "/").header("Location")).isEqualTo("https://pay.other.example/");
        var unconfigured = get("127.0.0.7", "example.com", "/");
        assertThat(unconfigured.status()).as("no reminder host yet: RFC 6585").isEqualTo(511);
        assertThat(unconfigured.body()).contains("contact your internet provider");
    }

    @Test
    void captivePortalApiTellsEachDeviceWhetherItIsCaptiveAndWhereToGo() throws Exception {
        var blocked = api("127.0.0.2");
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.header("Content-Type")).isEqualTo("application/captive+json");
        assertThat(blocked.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(blocked.body())
                .startsWith("{\"captive\":true,\"user-portal-url\":\"https://" + FakePlatform.LINK_HOST
                        + "/link/signed-" + BLOCKED + "-")
                .doesNotContain("bytes-remaining");
        assertThat(api("127.0.0.4").body()).contains("\"captive\":true").contains("\"bytes-remaining\":0");
        assertThat(api("127.0.0.3").body()).isEqualTo("{\"captive\":false}");
        assertThat(api("127.0.0.9").body()).isEqualTo("{\"captive\":false}");

        var overPlainHttp = Curl.request("127.0.0.2", url(CaptiveApi.PATH), "-H", "Accept: application/captive+json");
        assertThat(overPlainHttp.body()).contains("\"captive\":true");
    }

    private Curl.Response get(String source, String host, String path) throws Exception {
        return Curl.request(source, url(path), "-H", "Host: " + host);
    }

    private Curl.Response api(String source) throws Exception {
        int port = server.tlsPort();
        return Curl.request(
                source,
                "https://captive.isp.example:" + port + CaptiveApi.PATH,
                "--resolve",
                "captive.isp.example:" + port + ":127.0.0.1",
                "--insecure",
                "-H",
                "Accept: application/captive+json");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static Path selfSignedKeystore() throws IOException, InterruptedException {
        Path file = Files.createTempDirectory("captive-tls").resolve("captive.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "captive",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=captive.isp.example",
                        "-ext",
                        "SAN=dns:captive.isp.example",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }

    private record Probe(String host, String path, int openStatus, String openBody) {}
}
