package io.reroute.platform.link;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** What a valid reminder link proves: who it was issued to, for what, until when. */
public record VerifiedLink(
        WorkspaceId workspaceId,
        UUID subscriberId,
        String accountNumber,
        LinkPurpose purpose,
        String keyId,
        Instant expiresAt) {}
