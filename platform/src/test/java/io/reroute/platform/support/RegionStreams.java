package io.reroute.platform.support;

import io.reroute.platform.enforcement.RegionStream;
import io.reroute.platform.enforcement.WorkspaceChangedEvent;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Reads a region's stream the way a gateway would, for assertions. */
public final class RegionStreams {

    private RegionStreams() {}

    /** Every entry of the region's stream, oldest first: the entry id and its fields. */
    public static List<Entry> entries(ReactiveStringRedisTemplate redis, String region) {
        return redis.opsForStream()
                .range(RegionStream.key(region), Range.unbounded())
                .map(record -> new Entry(
                        record.getId().getValue(),
                        record.getValue().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        e -> e.getKey().toString(),
                                        e -> e.getValue().toString()))))
                .collectList()
                .block();
    }

    /** The {@code event} of the workspace's newest {@code workspace.changed} entry: its gateway view. */
    public static String lastWorkspaceChange(ReactiveStringRedisTemplate redis, String region, WorkspaceId workspace) {
        return entries(redis, region).stream()
                .filter(e -> WorkspaceChangedEvent.TYPE.equals(e.fields().get("type")))
                .filter(e -> workspace.toString().equals(e.fields().get("workspace")))
                .map(e -> e.fields().get("event"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    public record Entry(String id, Map<String, String> fields) {

        public long version() {
            return Long.parseLong(fields.get("version"));
        }

        public String subscriber() {
            return fields.get("subscriber");
        }
    }
}
