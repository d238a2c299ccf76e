package io.reroute.platform.subscriber;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A subscriber to create. Addresses are optional; a delegated prefix is an IPv6 CIDR. */
public record NewSubscriber(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits and . _ / - only")
        String accountNumber,

        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,

        @Pattern(regexp = "\\+?[0-9 ()-]{4,24}", message = "must be a phone number such as +44 20 7946 0000")
        String phone,

        @Size(max = 128) @Pattern(regexp = "[^\\s]+", message = "must not contain spaces")
        String pppoeUsername,

        @Size(min = 6, max = 128) String pppoePassword,
        String staticIpv4,
        String staticIpv6,
        String delegatedPrefix,
        UUID nasId,
        @NotNull UUID planId) {

    @Override
    public String toString() {
        return "NewSubscriber[accountNumber=" + accountNumber + ", pppoeUsername=" + pppoeUsername
                + ", pppoePassword=<hidden>]";
    }
}
