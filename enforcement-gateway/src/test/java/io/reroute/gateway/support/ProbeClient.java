package io.reroute.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a region's gateways about a subscriber as the platform does: listens on the probe's reply
 * channel, publishes the request once Redis confirmed the subscription, and takes the first answer.
 */
public final class ProbeClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer container;

    public ProbeClient(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate redis) {
        this.redis = redis;
        this.container = new ReactiveRedisMessageListenerContainer(connections);
    }

    /** The first answer to a probe about {@code subscriber} of {@code workspace} for {@code name}. */
    public JsonNode probe(String region, UUID workspace, UUID subscriber, String name) {
        UUID requestId = UUID.randomUUID();
        var request = new LinkedHashMap<String, Object>();
        request.put("requestId", requestId.toString());
        request.put("workspace", workspace.toString());
        request.put("subscriberId", subscriber.toString());
        request.put("name", name);
        return ask(region, requestId, JSON.writeValueAsString(request));
    }

    /** Publishes {@code message} to the region's probe channel as it is, however malformed. */
    public void publish(String region, String message) {
        redis.convertAndSend("reroute:region:" + region + ":probes", message).block(WAIT);
    }

    private JsonNode ask(String region, UUID requestId, String request) {
        String channel = "reroute:probe-reply:" + requestId;
        byte[] channelBytes = channel.getBytes(StandardCharsets.UTF_8);
        Sinks.Empty<Void> listening = Sinks.empty();
        var confirmed = new SubscriptionListener() {
            @Override
            public void onChannelSubscribed(byte[] subscribed, long count) {
                if (Arrays.equals(subscribed, channelBytes)) {
                    listening.tryEmitEmpty();
                }
            }
        };
        return container
                .receive(List.of(ChannelTopic.of(channel)), confirmed)
                .map(message -> JSON.readTree(message.getMessage()))
                .mergeWith(listening
                        .asMono()
                        .then(redis.convertAndSend("reroute:region:" + region + ":probes", request))
                        .then(Mono.<JsonNode>empty()))
                .next()
                .block(WAIT);
    }

    @Override
    public void close() {
        container.destroy();
    }
}
