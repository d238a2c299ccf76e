package io.reroute.platform.staff.internal;

import io.reroute.platform.staff.StaffAccounts;
import io.reroute.platform.staff.StaffMember;
import io.reroute.platform.staff.StaffRole;
import io.reroute.platform.staff.StaffSignInAnswer;
import io.reroute.platform.staff.StaffTokenCheck;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Staff", description = "ISP staff who sign in to the admin UI, and their sessions")
class StaffController {

    private final StaffAccounts accounts;

    StaffController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record SignInRequest(String email, String password, String idToken) {

        @Override
        public String toString() {
            return "SignInRequest[email=" + email + ", password=<hidden>, idToken=<hidden>]";
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[<hidden>]";
        }
    }

    record StaffList(List<StaffMember> items) {}

    @PostMapping("/api/v1/staff/sign-in")
    @Operation(
            summary = "Sign a staff member in",
            description = "With email and password, or with an ID token of the workspace's own identity provider."
                    + " After 5 failures within 15 minutes an account answers 429 with Retry-After.")
    Mono<ResponseEntity<Object>> signIn(@RequestBody SignInRequest request) {
        Mono<StaffAccounts.StaffSession> session = request.idToken() != null
                ? accounts.signInWithIdToken(request.idToken())
                : accounts.signIn(request.email(), request.password());
        return session.<ResponseEntity<Object>>map(signedIn ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StaffSignInAnswer.of(signedIn)))
                .onErrorResume(StaffAccounts.SignInRefused.class, StaffController::refused);
    }

    private static Mono<ResponseEntity<Object>> refused(StaffAccounts.SignInRefused refused) {
        boolean paused = refused.retryAfterSeconds() > 0;
        var problem = paused
                ? Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts", refused.getMessage())
                : Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Not signed in", refused.getMessage());
        var response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore());
        if (paused) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        }
        return Mono.just(response.body(problem));
    }

    @GetMapping("/api/v1/staff/me")
    @Operation(summary = "The signed-in staff member")
    Mono<StaffMember> me(@AuthenticationPrincipal Jwt token) {
        return staffId(token).flatMap(accounts::find);
    }

    @PutMapping("/api/v1/staff/me/password")
    @Operation(summary = "Change your own password", description = "Ends your other sessions.")
    Mono<ResponseEntity<Void>> changePassword(@AuthenticationPrincipal Jwt token, @RequestBody PasswordChange change) {
        return Mono.zip(staffId(token), WorkspaceContext.actor())
                .flatMap(t -> accounts.changeOwnPassword(
                        t.getT1(), change.currentPassword(), change.newPassword(), t.getT2()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/staff")
    @Operation(summary = "The workspace's staff")
    Mono<StaffList> list() {
        return accounts.list().collectList().map(StaffList::new);
    }

    @GetMapping("/api/v1/staff/{id}")
    @Operation(summary = "One staff member")
    Mono<StaffMember> get(@PathVariable UUID id) {
        return accounts.find(id);
    }

    @PostMapping("/api/v1/staff")
    @Operation(
            summary = "Add a staff member",
            description = "Without a password they sign in only through the workspace's identity provider."
                    + " Only owners add owners.")
    Mono<ResponseEntity<StaffMember>> create(
            @AuthenticationPrincipal Jwt token, @RequestBody StaffAccounts.NewStaffMember request) {
        return WorkspaceContext.actor()
                .flatMap(actor -> accounts.create(request, role(token), actor))
                .map(member -> ResponseEntity.created(URI.create("/api/v1/staff/" + member.id()))
                        .body(member));
    }

    @PatchMapping("/api/v1/staff/{id}")
    @Operation(
            summary = "Change a staff member",
            description = "Role, name, password or disabled. Only owners change owners; the last active owner"
                    + " stays; changing role or password or disabling ends their sessions at once.")
    Mono<StaffMember> change(
            @AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody StaffAccounts.StaffChange change) {
        UUID requester = token.getClaimAsString(StaffTokenCheck.STAFF_CLAIM) != null
                ? UUID.fromString(token.getClaimAsString(StaffTokenCheck.STAFF_CLAIM))
                : null;
        return WorkspaceContext.actor().flatMap(actor -> accounts.change(id, change, requester, role(token), actor));
    }

    /** The staff member a token is for; an API client's token has none. */
    private static Mono<UUID> staffId(Jwt token) {
        String id = token.getClaimAsString(StaffTokenCheck.STAFF_CLAIM);
        return id == null ? Mono.error(new NotFoundException("staff member")) : Mono.just(UUID.fromString(id));
    }

    /** The caller's role; API clients have none and never count as owners. */
    private static StaffRole role(Jwt token) {
        String role = token.getClaimAsString("role");
        try {
            return role == null ? null : StaffRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
