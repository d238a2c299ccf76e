package io.reroute.gateway.dns.internal;

import io.reroute.gateway.dns.DnsDecisions;
import io.reroute.gateway.dns.DnsOutcome;
import io.reroute.gateway.dns.DnsProperties;
import io.reroute.gateway.dns.DnsVerdict;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who gets answered, who gets redirected and which names stay real: the one rule that both answer
 * paths ({@link DatagramDnsRedirectResponder}, {@link DnsQueryHandler}) and the diagnosis apply,
 * so that what staff are shown is what subscribers get.
 */
@Component
final class RedirectRule implements DnsDecisions {

    /** Names browsers and Apple devices ask before using encrypted DNS; NXDOMAIN keeps them on ours. */
    static final Set<String> DOH_CANARIES = Set.of("use-application-dns.net", "mask.icloud.com", "mask-h2.icloud.com");

    private final RegionState state;
    private final Networks subscriberNetworks;

    @Autowired
    RedirectRule(RegionState state, DnsProperties properties) {
        this(state, Networks.of(properties.subscriberNetworks()));
    }

    RedirectRule(RegionState state, Networks subscriberNetworks) {
        this.state = state;
        this.subscriberNetworks = subscriberNetworks;
    }

    /** Whether queries from {@code source} are answered at all (others are REFUSED). */
    boolean answers(InetAddress source) {
        return subscriberNetworks.contains(source);
    }

    /** The workspace of the redirected subscriber at {@code source}; null when there is none (forwarded). */
    Workspace redirectingWorkspace(InetAddress source) {
        Subscriber subscriber = state.bySource(source).orElse(null);
        if (subscriber == null || !subscriber.redirected()) {
            return null;
        }
        return state.workspace(subscriber.workspaceId()).orElse(null);
    }

    /** What a redirected subscriber of {@code workspace} gets for {@code name} (lower case, no trailing dot). */
    static DnsOutcome forName(Workspace workspace, String name) {
        if (DOH_CANARIES.contains(name)) {
            return DnsOutcome.CANARY;
        }
        return workspace.reachable(name) ? DnsOutcome.ALLOWLISTED : DnsOutcome.REDIRECTED;
    }

    /** {@code name} in lower case without the trailing dot, as allowlists hold names. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public DnsVerdict decide(InetAddress source, String name) {
        Subscriber holder = state.bySource(source).orElse(null);
        var workspaceId = holder == null ? null : holder.workspaceId();
        var subscriberId = holder == null ? null : holder.subscriberId();
        if (!answers(source)) {
            return new DnsVerdict(DnsOutcome.REFUSED, workspaceId, subscriberId, null, null);
        }
        Workspace workspace = redirectingWorkspace(source);
        if (workspace == null) {
            return new DnsVerdict(DnsOutcome.FORWARDED, workspaceId, subscriberId, null, null);
        }
        DnsOutcome outcome = forName(workspace, normalize(name));
        return outcome == DnsOutcome.REDIRECTED
                ? new DnsVerdict(outcome, workspaceId, subscriberId, workspace.landingIpv4(), workspace.landingIpv6())
                : new DnsVerdict(outcome, workspaceId, subscriberId, null, null);
    }
}
