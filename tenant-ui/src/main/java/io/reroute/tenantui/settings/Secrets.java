package io.reroute.tenantui.settings;

import java.security.SecureRandom;

/** Shared secrets made for the user, long and random as RADIUS advice asks (RFC 6614). */
final class Secrets {

    /** Letters and digits only: safe to paste into RouterOS commands without quoting. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String generate(int length) {
        var secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
