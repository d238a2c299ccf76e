package io.reroute.platform.support;

import io.reroute.platform.enforcement.RegionStream;
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

    public record Entry(String id, Map<String, String> fields) {

        public long version() {
            return Long.parseLong(fields.get("version"));
        }

        public String subscriber() {
            return fields.get("subscriber");
        }
    }
}
