package io.reroute.platform.crypto;

import io.reroute.seal.RegionSeal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets before they are stored (signing keys, NAS secrets, router and PPPoE passwords)
 * with AES-256-GCM under the platform's secrets key. The sealed text names the key id, so
 * the key can be rotated while old values stay readable. The {@code context} (say, the table and
 * row the value belongs to) is bound as associated data: a sealed value copied to another row
 * does not open.
 */
@Component
public class SecretCipher {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretsProperties properties) {
        byte[] raw = properties.keyBytes();
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = properties.keyId();
    }

    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            var b64 = Base64.getUrlEncoder().withoutPadding();
            return VERSION + ":" + keyId + ":" + b64.encodeToString(nonce) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * A secret sealed here under {@code context}, sealed again for a region's gateways under their
     * {@code regionContext}: what the gateways get of NAS secrets, router and PPPoE passwords.
     */
    public String resealForRegion(String sealed, String context, RegionSeal region, String regionContext) {
        return region.seal(new String(open(sealed, context), StandardCharsets.UTF_8), regionContext);
    }

    public byte[] open(String sealed, String context) {
        String[] parts = sealed.split(":");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        if (!keyId.equals(parts[1])) {
            throw new IllegalStateException(
                    "secret sealed with key '" + parts[1] + "', but the platform has key '" + keyId + "'");
        }
        var b64 = Base64.getUrlDecoder();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[2])));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(b64.decode(parts[3]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed secret does not open: wrong key or tampered value", e);
        }
    }
}
