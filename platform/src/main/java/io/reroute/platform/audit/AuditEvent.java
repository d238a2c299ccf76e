package io.reroute.platform.audit;

import java.time.Instant;
import java.util.Map;

/** One audited change: who did what to which resource, and the values that changed. */
public record AuditEvent(
        long id, Instant occurredAt, String actor, String action, String target, Map<String, Object> changes) {}
