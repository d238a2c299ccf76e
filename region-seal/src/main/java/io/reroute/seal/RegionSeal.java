package io.reroute.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the platform hands to one region's gateways (NAS shared secrets, PPPoE passwords),
 * sealed with AES-256-GCM under a key both sides derive from that region's gateway credential. They
 * stay sealed on the Redis stream, in snapshots and in the gateway's state file; a gateway opens
 * them in memory only. The {@code context} (what the secret belongs to) is bound as associated data,
 * so a sealed value moved to another NAS or subscriber does not open.
 *
 * <p>The key is HKDF-SHA256 (RFC 5869) of the credential with the region as info, written out here
 * because the JDK's KDF API is newer than the Java release we target.
 */
public final class RegionSeal {

    private static final String VERSION = "r1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "reroute region seal v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String region;
    private final SecretKey key;

    private RegionSeal(String region, SecretKey key) {
        this.region = region;
        this.key = key;
    }

    /** The seal of {@code region}'s gateways, keyed by their credential. */
    public static RegionSeal of(String region, String gatewayCredential) {
        if (region == null || region.isBlank() || gatewayCredential == null || gatewayCredential.isBlank()) {
            throw new IllegalArgumentException("a region and its gateway credential are needed");
        }
        byte[] prk = hmac(SALT, gatewayCredential.getBytes(StandardCharsets.UTF_8));
        byte[] info = region.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        return new RegionSeal(region, new SecretKeySpec(hmac(prk, block), "AES"));
    }

    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            var b64 = Base64.getUrlEncoder().withoutPadding();
            return VERSION + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * The plaintext of a value sealed for this region and context.
     *
     * @throws SealException when the value is malformed, sealed for another region, credential or
     *     context, or tampered with
     */
    public String open(String sealed, String context) {
        int first = sealed.indexOf(':');
        int second = sealed.indexOf(':', first + 1);
        if (first < 0 || second < 0 || !VERSION.equals(sealed.substring(0, first))) {
            throw new SealException("not a region-sealed value");
        }
        try {
            var b64 = Base64.getUrlDecoder();
            byte[] nonce = b64.decode(sealed.substring(first + 1, second));
            if (nonce.length != NONCE_BYTES) {
                throw new SealException("not a region-sealed value");
            }
            byte[] plaintext =
                    cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(b64.decode(sealed.substring(second + 1)));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SealException("not a region-sealed value");
        } catch (GeneralSecurityException e) {
            throw new SealException("does not open: sealed for another region, credential or context, or tampered");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RegionSeal[" + region + ", key hidden]";
    }

    /** A sealed value that cannot be opened here. */
    public static final class SealException extends RuntimeException {
        SealException(String message) {
            super(message);
        }
    }
}
