package io.reroute.platform.enforcement.internal;

import io.reroute.platform.enforcement.RegionStream;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to their region's Redis Stream: one script call per batch, so the entries of a
 * batch land in order and in one round trip, with the stream trimmed to its configured length.
 */
@Component
class RegionStreamPublisher implements OutboxPublisher {

    private static final RedisScript<List> APPEND = RedisScript.of("""
            local ids = {}
            for i = 2, #ARGV, 5 do
              ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
                'type', ARGV[i], 'workspace', ARGV[i + 1], 'subscriber', ARGV[i + 2],
                'version', ARGV[i + 3], 'event', ARGV[i + 4])
            end
            return ids
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final OutboxProperties properties;

    RegionStreamPublisher(ReactiveStringRedisTemplate redis, OutboxProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Mono<List<String>> publish(WorkspaceId workspace, String region, List<OutboxEvent> events) {
        var args = new ArrayList<String>(1 + events.size() * 5);
        args.add(Long.toString(properties.streamMaxLength()));
        for (OutboxEvent event : events) {
            args.add(event.type());
            args.add(workspace.toString());
            args.add(event.subscriberId() == null ? "" : event.subscriberId().toString());
            args.add(Long.toString(event.version()));
            args.add(event.payload());
        }
        return redis.execute(APPEND, List.of(RegionStream.key(region)), args)
                .flatMapIterable(RegionStreamPublisher::flatten)
                .map(Object::toString)
                .collectList()
                .flatMap(ids -> ids.size() == events.size()
                        ? Mono.just(ids)
                        : Mono.error(new IllegalStateException(
                                "the stream took " + ids.size() + " of " + events.size() + " events")));
    }

    /** The id of the region stream's newest entry, or {@code 0-0} for an empty stream. */
    Mono<String> lastId(String region) {
        return redis.opsForStream()
                .reverseRange(
                        RegionStream.key(region),
                        Range.unbounded(),
                        Limit.limit().count(1))
                .next()
                .map(record -> record.getId().getValue())
                .defaultIfEmpty("0-0");
    }

    private static List<?> flatten(Object result) {
        return result instanceof List<?> list ? list : List.of(result);
    }
}
