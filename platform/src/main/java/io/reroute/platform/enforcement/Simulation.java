package io.reroute.platform.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What billing would make of a subscriber on a given day if nothing is paid until then. */
public record Simulation(
        LocalDate at,
        SubscriberState currentState,
        SubscriberState stateAt,
        String reason,
        BigDecimal overdueAmount,
        long daysOverdue) {}
