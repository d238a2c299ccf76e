package io.reroute.gateway.radius;

import java.util.List;
import java.util.UUID;

/** The sessions this gateway has heard of in accounting. */
public interface RadiusSessions {

    /** The subscriber's open sessions, on any of the workspace's NAS clients. */
    List<RadiusSession> open(UUID workspace, UUID subscriber);

    /** Every open session of the workspace. */
    List<RadiusSession> open(UUID workspace);
}
