package io.reroute.platform.staff;

import java.util.UUID;

/** What sign-in (and opening a new workspace) answers: the session token and who it is for. */
public record StaffSignInAnswer(
        String accessToken,
        String tokenType,
        long expiresIn,
        String scope,
        StaffMember staff,
        WorkspaceSummary workspace) {

    public static StaffSignInAnswer of(StaffAccounts.StaffSession session) {
        var workspace = session.workspace();
        return new StaffSignInAnswer(
                session.token().accessToken(),
                "Bearer",
                session.token().expiresInSeconds(),
                session.token().scope(),
                session.staff(),
                new WorkspaceSummary(workspace.id().value(), workspace.slug(), workspace.displayName()));
    }

    public record WorkspaceSummary(UUID id, String slug, String displayName) {}

    @Override
    public String toString() {
        return "StaffSignInAnswer[staff=" + staff + ", scope=" + scope + ", accessToken=<hidden>]";
    }
}
