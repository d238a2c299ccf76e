package io.reroute.platform.workspace;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The From of reminder and notification mails. */
public record MailSender(
        @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line")
        String fromName,

        @Size(max = 254) @Email String fromAddress) {}
