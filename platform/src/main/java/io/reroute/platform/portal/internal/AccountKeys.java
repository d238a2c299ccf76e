package io.reroute.platform.portal.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Redis keys the portal keeps per account (sign-in codes, mail throttles), all named here so
 * that no two kinds can share one. The account number is what a visitor typed: encoded, so it
 * cannot shape the key.
 */
final class AccountKeys {

    private AccountKeys() {}

    static String of(WorkspaceId workspace, String kind, String accountNumber) {
        String account =
                Base64.getUrlEncoder().withoutPadding().encodeToString(accountNumber.getBytes(StandardCharsets.UTF_8));
        return "reroute:workspace:" + workspace + ":portal-" + kind + ":" + account;
    }
}
