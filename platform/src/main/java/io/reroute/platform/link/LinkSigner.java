package io.reroute.platform.link;

import io.jsonwebtoken.Jwts;
import io.reroute.platform.link.internal.LinkKey;
import io.reroute.platform.net.HostName;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/** Signs reminder links for the subscribers of one workspace with its current key; cheap to reuse. */
public final class LinkSigner {

    static final String ISSUER = "reroute";
    static final String AUDIENCE = "reroute-portal";

    private final WorkspaceId workspace;
    private final HostName reminderHost;
    private final LinkKey key;
    private final LinksProperties properties;
    private final Clock clock;

    LinkSigner(WorkspaceId workspace, HostName reminderHost, LinkKey key, LinksProperties properties, Clock clock) {
        this.workspace = workspace;
        this.reminderHost = reminderHost;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    /** A link valid for the configured default time. */
    public ReminderLink sign(UUID subscriber, String accountNumber, LinkPurpose purpose) {
        return sign(subscriber, accountNumber, purpose, properties.ttl());
    }

    public ReminderLink sign(UUID subscriber, String accountNumber, LinkPurpose purpose, Duration ttl) {
        Instant now = clock.instant();
        // Whole seconds: the JWT dates carry no more, and the API shows what the token says.
        Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String token = Jwts.builder()
                .header()
                .keyId(key.kid())
                .and()
                .issuer(ISSUER)
                .audience()
                .add(AUDIENCE)
                .and()
                .subject(subscriber.toString())
                .claim("ws", workspace.toString())
                .claim("acct", accountNumber)
                .claim("pur", purpose.claim())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expires))
                .signWith(key.secret(), Jwts.SIG.HS256)
                .compact();
        String url = reminderHost == null ? null : "https://" + reminderHost.value() + properties.path() + token;
        return new ReminderLink(url, token, purpose, expires);
    }

    /** Whether links get a URL: only once the workspace has configured its reminder host. */
    public boolean hasHost() {
        return reminderHost != null;
    }
}
