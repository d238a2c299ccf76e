package io.reroute.platform.link;

/** Why a reminder link was refused; each is logged and returned as the problem's {@code reason}. */
public enum LinkRejection {
    /** Not a compact JWS with a key id, or claims missing or of the wrong type. */
    MALFORMED,
    /** The host it was presented on is no workspace's reminder host. */
    UNKNOWN_HOST,
    /** No workspace has the key the token names. */
    UNKNOWN_KEY,
    /** The key was retired by the workspace; tokens it signed no longer open anything. */
    RETIRED_KEY,
    /** The signature does not match the named key. */
    BAD_SIGNATURE,
    /** Past its expiry. */
    EXPIRED,
    /** Issued for another purpose than the one the portal asked for. */
    WRONG_PURPOSE,
    /** Valid, but issued by another workspace than the one whose reminder host it arrived on. */
    FOREIGN_HOST,
    /** The subscriber was deleted, or their account number changed since the link was issued. */
    SUBSCRIBER_MISMATCH
}
