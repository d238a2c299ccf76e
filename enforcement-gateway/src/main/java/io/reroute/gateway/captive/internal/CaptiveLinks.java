package io.reroute.gateway.captive.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.PlatformClient;
import io.reroute.gateway.captive.CaptiveProperties;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signed portal links for redirected subscribers, signed by the platform and handed out again for a
 * short while to the same subscriber at the same version (a state change gets a new one). When the
 * platform cannot sign in time, the portal's front page: the subscriber still reaches their ISP.
 */
@Component
class CaptiveLinks {

    private static final Logger log = LoggerFactory.getLogger(CaptiveLinks.class);

    private final PlatformClient platform;
    private final String region;
    private final CaptiveProperties properties;
    private final AsyncCache<Key, String> links;

    CaptiveLinks(PlatformClient platform, GatewayProperties gateway, CaptiveProperties properties) {
        this.platform = platform;
        this.region = gateway.region();
        this.properties = properties;
        this.links = Caffeine.newBuilder()
                .expireAfterWrite(properties.linkReuse())
                .maximumSize(100_000)
                .buildAsync();
    }

    /** The subscriber's portal URL on the workspace's reminder host; never errors. */
    Mono<String> portalUrl(Subscriber subscriber, Workspace workspace) {
        var key = new Key(subscriber.workspaceId(), subscriber.subscriberId(), subscriber.version());
        // A failed future leaves the cache by itself: the next request asks the platform again.
        return Mono.fromFuture(links.get(key, (k, executor) -> sign(k).toFuture()), true)
                .onErrorResume(e -> {
                    log.warn(
                            "workspace {}: no signed link for subscriber {}, sending to the portal's front page: {}",
                            subscriber.workspaceId(),
                            subscriber.subscriberId(),
                            e.toString());
                    return Mono.just("https://" + workspace.reminderHost() + "/");
                });
    }

    private Mono<String> sign(Key key) {
        return platform.web()
                .post()
                .uri("/internal/regions/{region}/reminder-links", region)
                .bodyValue(Map.of("workspaceId", key.workspace(), "subscriberId", key.subscriber()))
                .retrieve()
                .bodyToMono(SignedLink.class)
                .timeout(properties.platformTimeout())
                .map(SignedLink::url);
    }

    private record Key(UUID workspace, UUID subscriber, long version) {}

    private record SignedLink(String url) {
        @Override
        public String toString() {
            return "SignedLink[...]";
        }
    }
}
