package io.reroute.platform.link.internal;

import io.reroute.platform.link.LinkPurpose;
import io.reroute.platform.link.ReminderLinks;
import io.reroute.platform.link.VerifiedLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** For the portal: may this token, arriving on this host, open this action? */
@RestController
@Tag(name = "Internal", description = "For the platform's own gateway and portal processes")
class LinkVerificationController {

    private final ReminderLinks links;

    LinkVerificationController(ReminderLinks links) {
        this.links = links;
    }

    @PostMapping("/internal/reminder-links/verify")
    @Operation(
            summary = "Verify a reminder link",
            description = "200 with who the link is for, or 422 problem+json with a reason: MALFORMED, UNKNOWN_HOST,"
                    + " UNKNOWN_KEY, RETIRED_KEY, BAD_SIGNATURE, EXPIRED, WRONG_PURPOSE, FOREIGN_HOST,"
                    + " SUBSCRIBER_MISMATCH.")
    Mono<VerifiedLink> verify(@RequestBody @Valid Verification request) {
        return links.verify(request.token(), request.host(), request.purpose());
    }

    record Verification(
            @NotBlank @Size(max = 4096) String token,
            @NotBlank @Size(max = 253) String host,
            @NotNull LinkPurpose purpose) {

        @Override
        public String toString() {
            return "Verification[host=" + host + ", purpose=" + purpose + "]";
        }
    }
}
