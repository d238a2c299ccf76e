package io.reroute.gateway.support;

import io.reroute.devinfra.EmbeddedRedisServer;
import io.reroute.seal.RegionSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A region for gateways under test: an embedded Redis for its stream and a fake platform serving it. */
public final class TestRegion implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final String secret;
    private final EmbeddedRedisServer redis;
    private final FakePlatform platform;

    private TestRegion(String name) throws IOException, InterruptedException {
        this.name = name;
        this.secret = "gateway-" + name + "-secret";
        this.redis = EmbeddedRedisServer.start(Files.createTempDirectory("gateway-redis"), 0);
        this.platform = new FakePlatform(name, secret);
    }

    public static TestRegion start(String name) {
        try {
            return new TestRegion(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public FakePlatform platform() {
        return platform;
    }

    /** What the platform seals this region's secrets with (NAS secrets, PPPoE passwords). */
    public RegionSeal seal() {
        return RegionSeal.of(name, secret);
    }

    /** Points a gateway's sync at this region (short stream reads, so tests see entries at once). */
    public void wire(DynamicPropertyRegistry registry) {
        registry.add("reroute.gateway.region", () -> name);
        registry.add("reroute.gateway.platform-url", platform::url);
        registry.add("reroute.gateway.sync.secret", () -> secret);
        registry.add("reroute.gateway.sync.read-block", () -> "200ms");
        registry.add("spring.data.redis.url", redis::url);
    }

    /** {@link #wire} for a gateway that only answers RADIUS: on 127.0.0.1, on free ports. */
    public void wireRadius(DynamicPropertyRegistry registry) {
        wire(registry);
        registry.add("reroute.gateway.radius.bind", () -> "127.0.0.1");
        registry.add("reroute.gateway.radius.auth-port", () -> "0");
        registry.add("reroute.gateway.radius.accounting-port", () -> "0");
        registry.add("reroute.gateway.dns.enabled", () -> "false");
        registry.add("reroute.gateway.captive.enabled", () -> "false");
    }

    /** The fields of every entry on this region's accounting stream, oldest first. */
    public List<Map<String, String>> accountingStream(ReactiveStringRedisTemplate redis) {
        return redis.opsForStream()
                .range("reroute:region:" + name + ":accounting", Range.unbounded())
                .map(record -> record.getValue().entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().toString(), e -> e.getValue().toString())))
                .flatMapIterable(TestRegion::unbatched)
                .collectList()
                .block();
    }

    /** A {@code sessions} entry's updates (one JSON object per line), each as a {@code session} entry. */
    private static List<Map<String, String>> unbatched(Map<String, String> entry) {
        if (!"sessions".equals(entry.get("type"))) {
            return List.of(entry);
        }
        return entry.get("updates")
                .lines()
                .map(line -> JSON.readValue(line, new TypeReference<Map<String, String>>() {}))
                .toList();
    }

    /** The same wiring as command-line arguments, for gateways started as applications. */
    public List<String> arguments() {
        return List.of(
                "--reroute.gateway.region=" + name,
                "--reroute.gateway.platform-url=" + platform.url(),
                "--reroute.gateway.sync.secret=" + secret,
                "--reroute.gateway.sync.read-block=200ms",
                "--spring.data.redis.url=" + redis.url());
    }

    @Override
    public void close() throws IOException {
        platform.close();
        redis.close();
    }
}
