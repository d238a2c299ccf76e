package io.reroute.portalui.account;

import java.time.Instant;

/** Only the subscriber's state, cheap to ask for every few seconds. */
public record AccountState(SubscriberState state, long stateVersion, Instant since) {}
