package io.reroute.platform.apiclient.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and secrets. Secrets are 256 random bits, so a plain SHA-256 is the right storage form
 * (as for API keys generally): slow password hashes guard guessable human passwords, not these.
 */
public final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hash of a secret nobody has, compared against when the client id is unknown, so both cases cost the same. */
    public static final byte[] UNKNOWN_CLIENT_HASH = hash("no-such-client");

    private ClientSecrets() {}

    public static String newClientId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "rc_" + HexFormat.of().formatHex(bytes);
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "rs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(secret), expectedHash);
    }
}
