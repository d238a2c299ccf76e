package io.reroute.platform.tenancy.internal;

import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The edge where the workspace is resolved: once per request, from the validated access token
 * only, into the Reactor Context (for the data layer and logs) and an exchange attribute (for
 * metrics). Runs after the security chain, so anything reaching a handler is already authenticated.
 */
@Component
class WorkspaceContextWebFilter implements WebFilter, Ordered {

    /** Exchange attribute with the request's {@link WorkspaceId}, read by the metrics convention. */
    static final String WORKSPACE_ATTRIBUTE = WorkspaceContextWebFilter.class.getName() + ".workspace";

    private static final Logger log = LoggerFactory.getLogger("io.reroute.platform.access");

    private final String workspaceClaim;

    WorkspaceContextWebFilter(SecurityProperties security) {
        this.workspaceClaim = security.workspaceClaim();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(
                        context -> context.getAuthentication() instanceof JwtAuthenticationToken token ? token : null)
                .flatMap(token -> {
                    var workspace = WorkspaceId.parse(token.getToken().getClaimAsString(workspaceClaim));
                    var actor = new Actor(
                            token.getToken().getSubject() != null
                                    ? token.getToken().getSubject()
                                    : "unknown");
                    exchange.getAttributes().put(WORKSPACE_ATTRIBUTE, workspace);
                    return chain.filter(exchange)
                            .doFinally(signal -> logAccess(exchange, started))
                            .contextWrite(WorkspaceContext.bind(workspace, actor))
                            .thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
                .then();
    }

    private static void logAccess(ServerWebExchange exchange, long started) {
        if (log.isInfoEnabled()) {
            var request = exchange.getRequest();
            var status = exchange.getResponse().getStatusCode();
            log.info(
                    "{} {} {} {}ms",
                    request.getMethod(),
                    request.getPath().value(),
                    status != null ? status.value() : 0,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
