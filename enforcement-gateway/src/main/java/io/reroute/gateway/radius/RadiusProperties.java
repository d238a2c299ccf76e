package io.reroute.gateway.radius;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RADIUS server ({@code reroute.gateway.radius.*}).
 *
 * @param enabled whether this gateway answers RADIUS
 * @param bind the address to listen on
 * @param authPort Access-Request port (1812 in production; 0 picks a free one)
 * @param accountingPort Accounting-Request port (1813 in production; 0 picks a free one)
 * @param threads event loops answering requests, each with its own sockets; 0 means one per core
 * @param coaTimeout how long a CoA- or Disconnect-Request waits for its answer before it is sent again
 * @param coaAttempts how often a CoA- or Disconnect-Request is sent before the NAS counts as silent
 * @param repliesRemembered how many Access-Request answers are kept (the last one per subscriber, the
 *     oldest forgotten first) for staff asking why a subscriber is restricted; 0 keeps none
 */
@ConfigurationProperties("reroute.gateway.radius")
public record RadiusProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bind,
        @DefaultValue("1812") int authPort,
        @DefaultValue("1813") int accountingPort,
        @DefaultValue("0") int threads,
        @DefaultValue("1s") Duration coaTimeout,
        @DefaultValue("3") int coaAttempts,
        @DefaultValue("100000") int repliesRemembered) {

    /** The number of event loops to run. */
    public int eventLoops() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
