package io.reroute.gateway.radius;

import java.util.Optional;
import java.util.UUID;

/** The answers this gateway sent to subscribers' Access-Requests lately, for diagnosis. */
public interface RadiusReplies {

    /**
     * The last answer to the subscriber's Access-Request, when it is among those remembered and the
     * subscriber is the workspace's; empty otherwise.
     */
    Optional<RadiusReply> last(UUID workspace, UUID subscriber);
}
