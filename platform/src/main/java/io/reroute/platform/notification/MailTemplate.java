package io.reroute.platform.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A mail's subject and plain-text body, as Mustache templates (see {@link MailTemplates#VARIABLES}). */
public record MailTemplate(
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 20000) String body) {}
