package io.reroute.gateway.router.internal;

import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.radius.SessionFallback;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Live enforcement's last resort over the RouterOS API of the router that is the session's NAS. */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.routers.enabled", matchIfMissing = true)
class RouterApiFallback implements SessionFallback {

    private static final Logger log = LoggerFactory.getLogger(RouterApiFallback.class);

    private final RouterSessions sessions;
    private final RouterWork work;

    RouterApiFallback(RouterSessions sessions, RouterWork work) {
        this.sessions = sessions;
        this.work = work;
    }

    @Override
    public CompletableFuture<String> enforce(RadiusSession session, boolean restrict) {
        var router = work.routerOf(session);
        if (router.isEmpty() || session.framedIpv4() == null || session.subscriberId() == null) {
            return CompletableFuture.completedFuture("UNAVAILABLE");
        }
        return sessions.call(router.get(), client -> {
                    work.enforce(client, router.get(), session, restrict);
                    return "ACK";
                })
                .onErrorResume(e -> {
                    log.warn(
                            "The RouterOS API of {} did not take session {}: {}",
                            router.get(),
                            session.sessionId(),
                            e.toString());
                    return Mono.just("FAILED");
                })
                .toFuture();
    }
}
