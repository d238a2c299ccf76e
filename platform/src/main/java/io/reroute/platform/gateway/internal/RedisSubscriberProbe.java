package io.reroute.platform.gateway.internal;

import io.reroute.platform.gateway.GatewayHealth;
import io.reroute.platform.gateway.GatewayStatus;
import io.reroute.platform.gateway.ProbeReply;
import io.reroute.platform.gateway.SubscriberProbe;
import io.reroute.platform.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a probe on the region's channel once the platform listens on the probe's own reply
 * channel (so that no answer can come before anyone listens), then gathers answers until as many
 * gateways answered as heard the request (at least as many as are healthy) or the timeout passed.
 * One pub/sub connection serves every probe; nothing blocks.
 */
@Component
class RedisSubscriberProbe implements SubscriberProbe, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscriberProbe.class);
    /** A host name as a resolver would be asked it, as the gateways accept it. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}(\\.[A-Za-z0-9_-]{1,63})*\\.?");

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisConnectionFactory connections;
    private final GatewayHealth health;
    private final JsonMapper json;
    private final GatewaysProperties properties;
    private ReactiveRedisMessageListenerContainer container;

    RedisSubscriberProbe(
            ReactiveStringRedisTemplate redis,
            ReactiveRedisConnectionFactory connections,
            GatewayHealth health,
            JsonMapper json,
            GatewaysProperties properties) {
        this.redis = redis;
        this.connections = connections;
        this.health = health;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Mono<List<ProbeReply>> probe(WorkspaceId workspace, String region, UUID subscriberId) {
        return probe(workspace, region, subscriberId, DEFAULT_NAME);
    }

    @Override
    public Mono<List<ProbeReply>> probe(WorkspaceId workspace, String region, UUID subscriberId, String name) {
        return Mono.defer(() -> {
            if (name == null || name.length() > 254 || !HOST_NAME.matcher(name).matches()) {
                return Mono.error(new IllegalArgumentException("not a host name: " + name));
            }
            String probes = GatewayKeys.probes(region);
            var request = new ProbeMessages.Request(UUID.randomUUID(), workspace.value(), subscriberId, name);
            return health.region(region)
                    .filter(GatewayStatus::healthy)
                    .count()
                    .flatMap(healthy -> ask(probes, request, healthy))
                    .doOnNext(replies -> log.debug(
                            "workspace {}: probe {} of subscriber {} in region {}: {}",
                            workspace,
                            request.requestId(),
                            subscriberId,
                            region,
                            replies));
        });
    }

    private Mono<List<ProbeReply>> ask(String probes, ProbeMessages.Request request, long healthy) {
        String replies = GatewayKeys.probeReply(request.requestId());
        byte[] repliesChannel = replies.getBytes(StandardCharsets.UTF_8);
        String message = json.writeValueAsString(request);
        Sinks.Empty<Void> listening = Sinks.empty();
        SubscriptionListener confirmed = new SubscriptionListener() {
            @Override
            public void onChannelSubscribed(byte[] channel, long count) {
                // Every subscription of the shared connection is confirmed here: only ours counts.
                if (Arrays.equals(channel, repliesChannel)) {
                    listening.tryEmitEmpty();
                }
            }
        };
        return container()
                .flatMap(container -> {
                    Flux<Progress> answers = container
                            .receive(List.of(ChannelTopic.of(replies)), confirmed)
                            .mapNotNull(reply -> reply(request, reply.getMessage()))
                            .map(Progress::answer);
                    Flux<Progress> sent = listening
                            .asMono()
                            .then(redis.convertAndSend(probes, message))
                            .map(receivers -> Progress.expect(Math.max(receivers, healthy)))
                            .flux();
                    return Flux.merge(answers, sent)
                            .scan(Collected.NOTHING, Collected::with)
                            .takeUntil(Collected::complete)
                            .take(properties.probeTimeout())
                            .last(Collected.NOTHING);
                })
                .map(Collected::sorted);
    }

    /** The answer when it is one to this request, about this workspace's subscriber; null otherwise. */
    private ProbeReply reply(ProbeMessages.Request request, String message) {
        ProbeMessages.Answer answer;
        try {
            answer = json.readValue(message, ProbeMessages.Answer.class);
        } catch (RuntimeException e) {
            log.warn(
                    "workspace {}: an unreadable answer to probe {}: {}",
                    request.workspace(),
                    request.requestId(),
                    e.toString());
            return null;
        }
        if (!request.requestId().equals(answer.requestId())
                || !request.workspace().equals(answer.workspace())
                || !request.subscriberId().equals(answer.subscriberId())
                || answer.instance() == null) {
            log.warn(
                    "workspace {}: an answer to probe {} about something else was ignored",
                    request.workspace(),
                    request.requestId());
            return null;
        }
        var subscriber = answer.subscriber();
        var dns = answer.dns();
        var radius = answer.radius();
        return new ProbeReply(
                answer.instance(),
                answer.region(),
                Instant.ofEpochMilli(answer.at()),
                answer.loaded(),
                subscriber == null
                        ? null
                        : new ProbeReply.SubscriberRecord(
                                subscriber.state(),
                                subscriber.version(),
                                subscriber.profileVersion(),
                                subscriber.redirected(),
                                subscriber.throttled()),
                subscriber == null || dns == null
                        ? null
                        : new ProbeReply.DnsAnswer(
                                dns.name(),
                                dns.source(),
                                dns.outcome(),
                                dns.landingIpv4(),
                                dns.landingIpv6(),
                                dns.sourceIsSubscriber(),
                                dns.served()),
                subscriber == null || answer.routers() == null
                        ? List.of()
                        : answer.routers().stream()
                                .map(r -> new ProbeReply.RouterListing(
                                        r.routerId(),
                                        r.name(),
                                        r.addressList(),
                                        r.membership(),
                                        r.seenAt() == null ? null : Instant.ofEpochMilli(r.seenAt()),
                                        r.address()))
                                .toList(),
                subscriber == null || radius == null
                        ? null
                        : new ProbeReply.RadiusReply(
                                radius.code(),
                                Instant.ofEpochMilli(radius.at()),
                                radius.nasId(),
                                radius.nasName(),
                                radius.framedIpAddress(),
                                radius.framedPool(),
                                radius.addressList(),
                                radius.rateLimit(),
                                radius.totalLimitOctets(),
                                radius.filterId(),
                                radius.replyMessage()));
    }

    /** The shared listener container, made on first use: making it may connect, so not on an event loop. */
    private Mono<ReactiveRedisMessageListenerContainer> container() {
        synchronized (this) {
            if (container != null) {
                return Mono.just(container);
            }
        }
        return Mono.fromCallable(() -> {
                    synchronized (this) {
                        if (container == null) {
                            container = new ReactiveRedisMessageListenerContainer(connections);
                        }
                        return container;
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        ReactiveRedisMessageListenerContainer made;
        synchronized (this) {
            made = container;
            container = null;
        }
        if (made != null) {
            made.destroy();
        }
    }

    /** An answer came, or the request went out to this many gateways. */
    private record Progress(ProbeReply answer, long expected) {

        static Progress answer(ProbeReply reply) {
            return new Progress(reply, -1);
        }

        static Progress expect(long gateways) {
            return new Progress(null, gateways);
        }
    }

    /** Answers so far, one per gateway, and how many are expected ({@code -1}: not sent yet). */
    private record Collected(List<ProbeReply> replies, long expected) {

        static final Collected NOTHING = new Collected(List.of(), -1);

        Collected with(Progress progress) {
            if (progress.answer() == null) {
                return new Collected(replies, progress.expected());
            }
            String instance = progress.answer().instance();
            if (replies.stream().anyMatch(r -> r.instance().equals(instance))) {
                return this;
            }
            var more = new ArrayList<>(replies);
            more.add(progress.answer());
            return new Collected(List.copyOf(more), expected);
        }

        boolean complete() {
            return expected >= 0 && replies.size() >= expected;
        }

        List<ProbeReply> sorted() {
            return replies.stream()
                    .sorted(Comparator.comparing(ProbeReply::instance))
                    .toList();
        }
    }
}
