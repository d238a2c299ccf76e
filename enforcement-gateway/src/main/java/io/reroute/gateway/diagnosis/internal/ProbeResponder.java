package io.reroute.gateway.diagnosis.internal;

import io.reroute.gateway.GatewayInstance;
import io.reroute.gateway.GatewayProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the platform's subscriber probes: listens on the region's probe channel and publishes
 * {@link SubscriberDiagnosis}'s answer on the request's reply channel. A message that is not a
 * probe is logged and dropped; losing Redis only interrupts listening, which resumes with backoff.
 */
@Component
class ProbeResponder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProbeResponder.class);
    /** Answers are a map lookup or two: a few at a time is plenty, and a flood cannot pile up publishes. */
    private static final int IN_FLIGHT = 8;

    private static final int MAX_LOGGED = 200;

    private final ReactiveStringRedisTemplate redis;
    private final SubscriberDiagnosis diagnosis;
    private final JsonMapper json;
    private final String region;
    private final String instance;
    private final String channel;
    private volatile Disposable listening;

    ProbeResponder(
            ReactiveStringRedisTemplate redis,
            SubscriberDiagnosis diagnosis,
            JsonMapper json,
            GatewayProperties gateway,
            GatewayInstance instance) {
        this.redis = redis;
        this.diagnosis = diagnosis;
        this.json = json;
        this.region = gateway.region();
        this.instance = instance.id();
        this.channel = DiagnosisKeys.probes(region);
    }

    @Override
    public void start() {
        listening = Flux.defer(() -> redis.listenToChannel(channel))
                // Opening the connection may block while Redis is away: never on the starting thread.
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn(
                                "region {} gateway {}: not listening for probes, retrying: {}",
                                region,
                                instance,
                                signal.failure().toString())))
                // A subscription that ended (its connection closed) is opened again.
                .repeatWhen(ended -> ended.delayElements(Duration.ofSeconds(1)))
                .flatMap(message -> answer(message.getMessage()), IN_FLIGHT)
                .subscribe();
    }

    /** Answers one message from the probe channel; never fails. */
    Mono<Void> answer(String message) {
        return Mono.defer(() -> respond(message)).onErrorResume(e -> {
            log.warn("region {}: a message on {} was not handled", region, channel, e);
            return Mono.empty();
        });
    }

    private Mono<Void> respond(String message) {
        ProbeRequest request;
        try {
            request = json.readValue(message, ProbeRequest.class);
        } catch (RuntimeException e) {
            log.warn("region {}: dropped a message on {} that is no probe: {}", region, channel, brief(e));
            return Mono.empty();
        }
        String reply;
        try {
            reply = json.writeValueAsString(diagnosis.answer(request));
        } catch (RuntimeException e) {
            log.warn(
                    "region {}: probe {} about subscriber {} of workspace {} not answered",
                    region,
                    request.requestId(),
                    request.subscriberId(),
                    request.workspace(),
                    e);
            return Mono.empty();
        }
        return redis.convertAndSend(DiagnosisKeys.probeReply(request.requestId()), reply)
                .doOnNext(listeners -> log.debug(
                        "region {}: probe {} about subscriber {} of workspace {} answered",
                        region,
                        request.requestId(),
                        request.subscriberId(),
                        request.workspace()))
                .onErrorResume(e -> {
                    log.warn(
                            "region {}: the answer to probe {} of workspace {} was not published: {}",
                            region,
                            request.requestId(),
                            request.workspace(),
                            e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** An exception's message, cut short: it may quote whatever was sent. */
    private static String brief(RuntimeException e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_LOGGED ? text.substring(0, MAX_LOGGED) + "..." : text;
    }

    @Override
    public void stop() {
        if (listening != null) {
            listening.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null && !listening.isDisposed();
    }
}
