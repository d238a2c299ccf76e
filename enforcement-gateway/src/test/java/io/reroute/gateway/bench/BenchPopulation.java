package io.reroute.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The PPPoE subscribers of bench/radius, the same for the gateway's snapshot and FreeRADIUS's users
 * file: every tenth restricted (blocked), every other one with a static IPv4 address, three plans.
 * Precomputed, so that the load generator spends its time on RADIUS, not on formatting.
 */
final class BenchPopulation {

    static final String RESTRICTED_ADDRESS_LIST = "reroute-restricted";
    static final String RESTRICTED_RATE_LIMIT = "256k/256k";
    private static final String[] PLAN_RATES = {"10M/50M", "20M/100M", "50M/250M"};
    /** A prime: stepping by it visits every user once per pass, in an order no cache can follow. */
    private static final long STRIDE = 7919;

    private final UUID workspace;
    private final int size;
    private final byte[][] usernames;
    private final String[] passwords;
    private final byte[][] callingStations;
    private final String[] classValues;

    BenchPopulation(UUID workspace, int size) {
        if (size % STRIDE == 0) {
            throw new IllegalArgumentException("the population size must not be a multiple of " + STRIDE);
        }
        this.workspace = workspace;
        this.size = size;
        this.usernames = new byte[size][];
        this.passwords = new String[size];
        this.callingStations = new byte[size][];
        this.classValues = new String[size];
        for (int i = 0; i < size; i++) {
            usernames[i] = username(i).getBytes(StandardCharsets.UTF_8);
            classValues[i] = "reroute:" + workspace + ":" + subscriberId(i);
            passwords[i] = "pw-" + Integer.toString(i * 31 + 7, 36);
            callingStations[i] = String.format("02:00:00:%02X:%02X:%02X", (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    UUID workspace() {
        return workspace;
    }

    int size() {
        return size;
    }

    /** The user of the n-th request. */
    int userAt(long n) {
        return (int) ((n % size) * STRIDE % size);
    }

    String username(int user) {
        return "user" + String.format("%06d", user);
    }

    byte[] usernameBytes(int user) {
        return usernames[user];
    }

    String password(int user) {
        return passwords[user];
    }

    boolean restricted(int user) {
        return user % 10 == 0;
    }

    UUID subscriberId(int user) {
        return new UUID(0, user + 1L);
    }

    /** The static IPv4 address of every other user; null for those the NAS gives one from its pool. */
    String staticIpv4(int user) {
        return user % 2 == 0
                ? "10." + ((user >>> 16) & 0xff) + "." + ((user >>> 8) & 0xff) + "." + (user & 0xff)
                : null;
    }

    /** The address the user's session has: their static one, else one from the NAS's pool. */
    byte[] sessionAddress(int user) {
        return user % 2 == 0
                ? new byte[] {10, (byte) (user >>> 16), (byte) (user >>> 8), (byte) user}
                : new byte[] {100, (byte) (64 + (user >>> 16)), (byte) (user >>> 8), (byte) user};
    }

    String planRateLimit(int user) {
        return PLAN_RATES[user % PLAN_RATES.length];
    }

    /** The binding the gateway puts in Class, which FreeRADIUS is given to answer alike. */
    String classValue(int user) {
        return classValues[user];
    }

    byte[] classValueBytes(int user) {
        return classValues[user].getBytes(StandardCharsets.UTF_8);
    }

    byte[] callingStation(int user) {
        return callingStations[user];
    }
}
