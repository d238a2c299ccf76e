package io.reroute.platform.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How the workspace's landing page and mails look to its subscribers. */
public record Branding(
        @Size(max = 2048) String logoUrl,

        @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f6feb")
        String primaryColor,

        @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #0b3d91")
        String accentColor,

        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 2000) String message,
        @NotBlank @Size(max = 40) String buttonLabel,
        @Size(max = 500) String note) {}
