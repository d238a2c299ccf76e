package io.reroute.gateway;

import java.util.Map;

/**
 * What the gateway tells the platform: entries of the region's accounting stream, which the
 * platform reads with a consumer group and applies idempotently. Never blocks; an entry that
 * cannot be queued is dropped and counted.
 */
public interface PlatformReports {

    /** Queues one entry; its {@code type} and {@code workspace} fields say what it is and whose. */
    void report(Map<String, String> entry);
}
