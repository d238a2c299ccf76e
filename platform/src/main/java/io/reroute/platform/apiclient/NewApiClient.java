package io.reroute.platform.apiclient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A client to create: a name staff recognise, and the scopes it may request. */
public record NewApiClient(
        @NotBlank @Size(max = 100) String name, @NotEmpty Set<@NotBlank String> scopes) {}
