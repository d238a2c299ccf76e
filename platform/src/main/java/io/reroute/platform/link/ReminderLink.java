package io.reroute.platform.link;

import java.time.Instant;

/**
 * A signed link for one subscriber. {@code url} is on the workspace's reminder host, or null when
 * the workspace has none configured yet. The token is a credential: kept out of {@link #toString()}.
 */
public record ReminderLink(String url, String token, LinkPurpose purpose, Instant expiresAt) {

    @Override
    public String toString() {
        return "ReminderLink[purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
}
