package io.reroute.platform.usage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A top-up bought for a subscriber; {@code reference} names the payment, for the records. */
public record NewTopUp(
        @NotNull UUID productId, @Size(max = 200) String reference) {}
