package io.reroute.gateway.dns.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reroute.gateway.state.Workspace;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Queries by outcome and workspace, and answer latency by outcome, shared by every DNS handler. */
final class DnsQueryMetrics {

    private final MeterRegistry meters;
    private final Map<Key, Counter> queries = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    DnsQueryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One answered query; {@code workspace} is null when the asker is nobody's redirected subscriber. */
    void record(String outcome, Workspace workspace, long startedNanos) {
        // Looked up once per outcome and workspace: a registry lookup per query costs more than the answer.
        queries.computeIfAbsent(new Key(outcome, workspace == null ? null : workspace.id()), this::counter)
                .increment();
        latency.computeIfAbsent(outcome, o -> meters.timer("reroute.gateway.dns.latency", "outcome", o))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(Key key) {
        return meters.counter(
                "reroute.gateway.dns.queries",
                "outcome",
                key.outcome(),
                "workspace",
                key.workspace() == null ? "none" : key.workspace().toString());
    }

    private record Key(String outcome, UUID workspace) {}
}
