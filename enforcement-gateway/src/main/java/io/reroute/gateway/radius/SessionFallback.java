package io.reroute.gateway.radius;

import java.util.concurrent.CompletableFuture;

/**
 * The last resort of live enforcement, when no RADIUS request moved a session: the router the
 * session runs on, over its own API.
 */
public interface SessionFallback {

    /**
     * Restricts the session ({@code restrict}) or ends it so that it logs in again into the
     * subscriber's current standing.
     *
     * @return the outcome to report: {@code ACK}, {@code FAILED} (the router refused or could not
     *     be reached) or {@code UNAVAILABLE} (no router of the workspace is the session's NAS)
     */
    CompletableFuture<String> enforce(RadiusSession session, boolean restrict);
}
