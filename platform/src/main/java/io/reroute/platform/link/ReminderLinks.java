package io.reroute.platform.link;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.reroute.platform.link.internal.LinkKey;
import io.reroute.platform.link.internal.LinkKeyStore;
import io.reroute.platform.net.HostName;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed reminder links: tokens bound to a workspace, subscriber, account number and purpose, signed
 * with the workspace's own key (named in the {@code kid} header) and checked here for the portal.
 */
@Service
public class ReminderLinks {

    private static final Logger log = LoggerFactory.getLogger(ReminderLinks.class);
    /** Far above any token we sign; anything longer is not ours and is not parsed. */
    private static final int MAX_TOKEN_LENGTH = 2048;

    private final LinkKeyStore keys;
    private final Workspaces workspaces;
    private final Subscribers subscribers;
    private final WorkspaceTransactions transactions;
    private final LinksProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    ReminderLinks(
            LinkKeyStore keys,
            Workspaces workspaces,
            Subscribers subscribers,
            WorkspaceTransactions transactions,
            LinksProperties properties,
            JsonMapper json,
            Clock clock) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.subscribers = subscribers;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** A signer for the workspace's subscribers; call inside the workspace's transaction. */
    public Mono<LinkSigner> signer(WorkspaceId workspace) {
        return Mono.zip(keys.signingKey(workspace), workspaces.settings(workspace))
                .map(t -> new LinkSigner(
                        workspace,
                        t.getT2().reminderHost() == null
                                ? null
                                : HostName.parse(t.getT2().reminderHost()),
                        t.getT1(),
                        properties,
                        clock));
    }

    /**
     * Checks a token presented on {@code host} for {@code purpose}: its signature with the key it
     * names, its expiry, that the host is its own workspace's reminder host, its purpose, and that
     * the subscriber still exists with the same account number; a null {@code purpose} takes the
     * link's own. Errors with {@link LinkRejectedException}.
     */
    public Mono<VerifiedLink> verify(String token, String host, LinkPurpose purpose) {
        return Mono.defer(() -> {
            HostName presentedOn;
            try {
                presentedOn = HostName.parse(host);
            } catch (IllegalArgumentException e) {
                return reject(LinkRejection.UNKNOWN_HOST, host, null, null, "the host is not a valid host name");
            }
            String kid = keyId(token);
            if (kid == null) {
                return reject(LinkRejection.MALFORMED, host, null, null, "the token is not a signed link");
            }
            return workspaces
                    .byReminderHost(presentedOn)
                    .switchIfEmpty(Mono.defer(
                            () -> reject(LinkRejection.UNKNOWN_HOST, host, null, kid, "no workspace uses this host")))
                    .flatMap(hostWorkspace -> keys.workspaceOf(kid)
                            .switchIfEmpty(Mono.defer(() -> reject(
                                    LinkRejection.UNKNOWN_KEY, host, hostWorkspace, kid, "the signing key is unknown")))
                            .flatMap(keyWorkspace -> transactions.inWorkspace(keyWorkspace, () -> keys.find(
                                            keyWorkspace, kid)
                                    .switchIfEmpty(Mono.defer(() -> reject(
                                            LinkRejection.UNKNOWN_KEY,
                                            host,
                                            hostWorkspace,
                                            kid,
                                            "the signing key is unknown")))
                                    .flatMap(key -> check(token, key, keyWorkspace, hostWorkspace, host, purpose)))));
        });
    }

    private Mono<VerifiedLink> check(
            String token,
            LinkKey key,
            WorkspaceId keyWorkspace,
            WorkspaceId hostWorkspace,
            String host,
            LinkPurpose purpose) {
        if (key.retired()) {
            return reject(LinkRejection.RETIRED_KEY, host, hostWorkspace, key.kid(), "the signing key was retired");
        }
        Claims claims;
        try {
            claims = Jwts.parser()
                    .verifyWith(key.secret())
                    .clock(() -> Date.from(clock.instant()))
                    .requireIssuer(LinkSigner.ISSUER)
                    .requireAudience(LinkSigner.AUDIENCE)
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
        } catch (ExpiredJwtException e) {
            return reject(LinkRejection.EXPIRED, host, hostWorkspace, key.kid(), "the link has expired");
        } catch (io.jsonwebtoken.security.SecurityException e) {
            return reject(LinkRejection.BAD_SIGNATURE, host, hostWorkspace, key.kid(), "the signature does not match");
        } catch (JwtException | IllegalArgumentException e) {
            return reject(LinkRejection.MALFORMED, host, hostWorkspace, key.kid(), "the token is not a valid link");
        }
        WorkspaceId claimed = parseWorkspace(claims.get("ws", String.class));
        UUID subscriber = parseUuid(claims.getSubject());
        String account = claims.get("acct", String.class);
        var claimedPurpose = LinkPurpose.fromClaim(claims.get("pur", String.class));
        if (claimed == null || subscriber == null || account == null || claimedPurpose.isEmpty()) {
            return reject(LinkRejection.MALFORMED, host, hostWorkspace, key.kid(), "the link lacks a required claim");
        }
        if (!claimed.equals(keyWorkspace)) {
            // Only a holder of this workspace's key could have signed it for another: refuse it all the same.
            return reject(LinkRejection.BAD_SIGNATURE, host, hostWorkspace, key.kid(), "the key does not sign for it");
        }
        if (!claimed.equals(hostWorkspace)) {
            return reject(
                    LinkRejection.FOREIGN_HOST,
                    host,
                    hostWorkspace,
                    key.kid(),
                    "the link belongs to another workspace than this host");
        }
        if (purpose != null && claimedPurpose.get() != purpose) {
            return reject(
                    LinkRejection.WRONG_PURPOSE, host, hostWorkspace, key.kid(), "the link is for another action");
        }
        return subscribers
                .find(claimed, subscriber)
                .filter(s -> s.accountNumber().equals(account))
                .map(s -> new VerifiedLink(
                        claimed,
                        subscriber,
                        account,
                        claimedPurpose.get(),
                        key.kid(),
                        claims.getExpiration().toInstant()))
                .switchIfEmpty(Mono.defer(() -> reject(
                        LinkRejection.SUBSCRIBER_MISMATCH,
                        host,
                        hostWorkspace,
                        key.kid(),
                        "the subscriber or account of this link no longer exists")));
    }

    private <T> Mono<T> reject(
            LinkRejection reason, String host, WorkspaceId hostWorkspace, String kid, String detail) {
        // Never the token itself: it is a credential until it expires.
        log.info(
                "reminder link rejected: {} (host {}, workspace of host {}, key {})", reason, host, hostWorkspace, kid);
        return Mono.error(new LinkRejectedException(reason, detail));
    }

    /** The {@code kid} of a compact JWS, read before verification to find the key; null if there is none. */
    private String keyId(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header =
                    json.readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode kid = header.get("kid");
            return kid != null && kid.isString() && !kid.asString().isBlank() ? kid.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static WorkspaceId parseWorkspace(String value) {
        UUID id = parseUuid(value);
        return id == null ? null : new WorkspaceId(id);
    }

    private static UUID parseUuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
