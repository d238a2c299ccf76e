package io.reroute.platform.tenancy;

import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The workspace and actor of the current request, carried in the Reactor Context. They are put
 * there once at the edge (from the access token) and never taken from a request body.
 */
public final class WorkspaceContext {

    /** Reactor Context key of the {@link WorkspaceId}; also the key the log MDC bridge listens to. */
    public static final String WORKSPACE_KEY = "reroute.workspace";

    public static final String ACTOR_KEY = "reroute.actor";

    private WorkspaceContext() {}

    /** The current workspace; an error when none is bound, so a missing binding never reads data. */
    public static Mono<WorkspaceId> current() {
        return Mono.deferContextual(ctx -> ctx.<WorkspaceId>getOrEmpty(WORKSPACE_KEY)
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new IllegalStateException("no workspace bound to this request"))));
    }

    /** The current actor, or {@link Actor#SYSTEM} for work the platform starts itself. */
    public static Mono<Actor> actor() {
        return Mono.deferContextual(
                ctx -> Mono.just(ctx.<Actor>getOrEmpty(ACTOR_KEY).orElse(Actor.SYSTEM)));
    }

    /** Binds a workspace and actor for everything upstream of {@code contextWrite}. */
    public static Function<Context, Context> bind(WorkspaceId workspace, Actor actor) {
        return ctx -> ctx.put(WORKSPACE_KEY, workspace).put(ACTOR_KEY, actor);
    }
}
