package io.reroute.gateway.radius.internal;

import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.radius.RadiusSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Open sessions from accounting, keyed by (NAS, Acct-Session-Id). Counters only grow within a
 * session, so a late or repeated Interim-Update never takes them back; a Stop closes the session,
 * Accounting-On or -Off closes every session of that NAS (it restarted and lost them), and a
 * session not heard of for three interim intervals is dropped as gone.
 */
@Component
class AccountingSessions implements RadiusSessions {

    private final Map<Key, RadiusSession> sessions = new ConcurrentHashMap<>();
    /** Sessions by subscriber, so that a state change finds them without a scan; swept with them. */
    private final Map<UUID, Set<Key>> bySubscriber = new ConcurrentHashMap<>();

    private record Key(UUID nas, String sessionId) {}

    /** Applies Start, Interim-Update or Stop; returns the session as it now stands. */
    RadiusSession update(AccountingRecord record) {
        var key = new Key(record.nasId(), record.sessionId());
        RadiusSession updated = sessions.compute(key, (k, current) -> {
            if (current != null && !current.open()) {
                return current;
            }
            Instant started =
                    current != null ? current.startedAt() : record.eventTime().minusSeconds(record.sessionSeconds());
            return new RadiusSession(
                    record.workspaceId(),
                    record.nasId(),
                    record.sessionId(),
                    record.username(),
                    record.subscriberId() != null || current == null ? record.subscriberId() : current.subscriberId(),
                    record.framedIpv4() != null || current == null ? record.framedIpv4() : current.framedIpv4(),
                    started,
                    current == null || record.eventTime().isAfter(current.updatedAt())
                            ? record.eventTime()
                            : current.updatedAt(),
                    Math.max(record.inputOctets(), current == null ? 0 : current.inputOctets()),
                    Math.max(record.outputOctets(), current == null ? 0 : current.outputOctets()),
                    Math.max(record.sessionSeconds(), current == null ? 0 : current.sessionSeconds()),
                    record.stop() ? record.eventTime() : null,
                    record.stop() ? record.terminateCause() : null);
        });
        if (updated.subscriberId() != null) {
            bySubscriber
                    .computeIfAbsent(updated.subscriberId(), id -> ConcurrentHashMap.newKeySet())
                    .add(key);
        }
        return updated;
    }

    /** Accounting-On/Off: the NAS lost its sessions; closes them and returns how many. */
    int closeAll(UUID nas, Instant at, String cause) {
        int[] closed = {0};
        sessions.replaceAll((key, session) -> {
            if (key.nas().equals(nas) && session.open()) {
                closed[0]++;
                return closed(session, at, cause);
            }
            return session;
        });
        return closed[0];
    }

    /** Closes one session (its NAS said it has no such session); empty when it was not open. */
    Optional<RadiusSession> close(UUID nas, String sessionId, Instant at, String cause) {
        var closed = new RadiusSession[1];
        sessions.computeIfPresent(new Key(nas, sessionId), (key, session) -> {
            if (!session.open()) {
                return session;
            }
            closed[0] = closed(session, at, cause);
            return closed[0];
        });
        return Optional.ofNullable(closed[0]);
    }

    /**
     * Forgets closed sessions, and open ones silent for longer than their workspace's {@code
     * staleAfter} (their NAS lost them without telling).
     */
    void sweep(Instant now, Function<UUID, Duration> staleAfter) {
        var gone = new ArrayList<Map.Entry<Key, RadiusSession>>();
        for (var entry : sessions.entrySet()) {
            RadiusSession s = entry.getValue();
            if (!s.open()
                    || s.updatedAt().plus(staleAfter.apply(s.workspaceId())).isBefore(now)) {
                gone.add(entry);
            }
        }
        for (var entry : gone) {
            if (sessions.remove(entry.getKey(), entry.getValue())
                    && entry.getValue().subscriberId() != null) {
                bySubscriber.computeIfPresent(entry.getValue().subscriberId(), (id, keys) -> {
                    keys.remove(entry.getKey());
                    return keys.isEmpty() ? null : keys;
                });
            }
        }
    }

    @Override
    public List<RadiusSession> open(UUID workspace, UUID subscriber) {
        Set<Key> keys = bySubscriber.get(subscriber);
        if (keys == null) {
            return List.of();
        }
        return keys.stream()
                .map(sessions::get)
                .filter(s -> s != null
                        && s.open()
                        && s.workspaceId().equals(workspace)
                        && subscriber.equals(s.subscriberId()))
                .sorted(Comparator.comparing(RadiusSession::startedAt))
                .toList();
    }

    @Override
    public List<RadiusSession> open(UUID workspace) {
        return sessions.values().stream()
                .filter(s -> s.open() && s.workspaceId().equals(workspace))
                .sorted(Comparator.comparing(RadiusSession::startedAt))
                .toList();
    }

    private static RadiusSession closed(RadiusSession s, Instant at, String cause) {
        return new RadiusSession(
                s.workspaceId(),
                s.nasId(),
                s.sessionId(),
                s.username(),
                s.subscriberId(),
                s.framedIpv4(),
                s.startedAt(),
                at,
                s.inputOctets(),
                s.outputOctets(),
                s.sessionSeconds(),
                at,
                cause);
    }

    /** One Accounting-Request about a session, bound to its workspace and (when known) subscriber. */
    record AccountingRecord(
            UUID workspaceId,
            UUID nasId,
            String sessionId,
            String username,
            UUID subscriberId,
            String framedIpv4,
            Instant eventTime,
            long inputOctets,
            long outputOctets,
            long sessionSeconds,
            boolean stop,
            String terminateCause) {}
}
