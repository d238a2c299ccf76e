package io.reroute.gateway.router;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The routers' restricted address lists as this gateway last read them, for diagnosis. */
public interface RestrictedLists {

    /**
     * For each router of the workspace, whether the subscriber was listed: by one of {@code
     * addresses} (its IPv4 addresses as this gateway knows them) or by an entry tagged as its own.
     */
    List<RouterListing> membership(UUID workspace, UUID subscriber, Collection<String> addresses);
}
