package io.reroute.gateway.radius.internal;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MD5 and HMAC-MD5 instances for the thread at hand: every RADIUS packet takes two to four of them,
 * and looking the algorithms up in the providers each time is a measurable share of an answer.
 * Per thread because neither is thread-safe; they hold no secret between uses (each digest is reset
 * by {@code digest()}, each HMAC is keyed anew).
 */
final class RadiusDigests {

    static final byte[] ZERO_AUTHENTICATOR = new byte[16];

    private static final FastThreadLocal<MessageDigest> MD5 = new FastThreadLocal<>() {
        @Override
        protected MessageDigest initialValue() throws GeneralSecurityException {
            return MessageDigest.getInstance("MD5");
        }
    };

    private static final FastThreadLocal<Mac> HMAC_MD5 = new FastThreadLocal<>() {
        @Override
        protected Mac initialValue() throws GeneralSecurityException {
            return Mac.getInstance("HmacMD5");
        }
    };

    private RadiusDigests() {}

    /** This thread's MD5, reset. */
    static MessageDigest md5() {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return md5;
    }

    /** This thread's HMAC-MD5, keyed with {@code secret}. */
    static Mac hmacMd5(byte[] secret) {
        Mac hmac = HMAC_MD5.get();
        try {
            hmac.init(new SecretKeySpec(secret, "HmacMD5"));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return hmac;
    }
}
