package io.reroute.platform.workspace.internal;

import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.workspace.SettingsUpdate;
import io.reroute.platform.workspace.Workspace;
import io.reroute.platform.workspace.WorkspaceSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.OptionalLong;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Workspace", description = "The workspace of the access token, and its settings")
class WorkspaceController {

    private final SettingsService settings;

    WorkspaceController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/workspace")
    @Operation(summary = "The workspace the access token belongs to")
    Mono<Workspace> workspace() {
        return settings.current();
    }

    @GetMapping("/api/v1/workspace/settings")
    @Operation(summary = "Branding, reminder host, landing addresses, mail sender and enforcement thresholds")
    Mono<ResponseEntity<WorkspaceSettings>> get() {
        return settings.settings().map(WorkspaceController::withEtag);
    }

    @PutMapping("/api/v1/workspace/settings")
    @Operation(
            summary = "Replace the settings",
            description =
                    "Send the ETag of the settings you edited as If-Match to avoid overwriting someone else's change.")
    Mono<ResponseEntity<WorkspaceSettings>> put(
            @RequestBody @Valid SettingsUpdate update,
            @Parameter(description = "ETag from a previous GET") @RequestHeader(name = "If-Match", required = false)
                    String ifMatch) {
        return settings.update(update, version(ifMatch)).map(WorkspaceController::withEtag);
    }

    private static ResponseEntity<WorkspaceSettings> withEtag(WorkspaceSettings s) {
        return ResponseEntity.ok().eTag(Long.toString(s.version())).body(s);
    }

    private static OptionalLong version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be an ETag returned by GET /api/v1/workspace/settings");
        }
    }
}
