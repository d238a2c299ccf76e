package io.reroute.localstack;

import io.reroute.gateway.support.Dig;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code dig} (the gateway tests' {@link Dig}) as a subscriber's device: queries the gateway's DNS from
 * the subscriber's own address (any 127.0.0.0/8 address is this machine's), so the gateway answers as
 * it answers that subscriber.
 */
record DigClient(int port, String from) {

    /** The first A record the gateway answers for {@code name}, or "" (no answer, or an error). */
    String answer(String name) {
        try {
            return Dig.query(port, from, name, "A", "+time=1").data().stream()
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            throw new IllegalStateException("dig could not run (Debian package dnsutils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks again and again, as fast as dig runs, until the answer is {@code expected}; how long that
     * took, or an error after {@code timeout}.
     */
    Duration awaitAnswer(String name, String expected, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(answer(name))) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new IllegalStateException(
                "the gateway did not answer " + expected + " for " + name + " from " + from + " within " + timeout);
    }
}
