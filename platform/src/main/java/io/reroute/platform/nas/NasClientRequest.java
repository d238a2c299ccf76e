package io.reroute.platform.nas;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A NAS client to register, or the full replacement of one (PUT): absent optional values take
 * their defaults, except the secret, which an update keeps when it is absent.
 *
 * @param secret the RADIUS shared secret, 16 to 128 characters (RFC 6614 advice: long and random)
 * @param coaPort default 3799
 * @param vendor default MIKROTIK
 * @param requireMessageAuthenticator default true
 */
public record NasClientRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank String address,
        @Size(min = 16, max = 128) String secret,
        @Min(1) @Max(65535) Integer coaPort,
        NasVendor vendor,
        Boolean requireMessageAuthenticator) {

    @Override
    public String toString() {
        return "NasClientRequest[name=" + name + ", address=" + address + ", secret=<hidden>, coaPort=" + coaPort
                + ", vendor=" + vendor + ", requireMessageAuthenticator=" + requireMessageAuthenticator + "]";
    }
}
