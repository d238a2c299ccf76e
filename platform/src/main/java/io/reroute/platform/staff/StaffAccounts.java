package io.reroute.platform.staff;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.staff.internal.IdentityProviderTokens;
import io.reroute.platform.staff.internal.SignInThrottle;
import io.reroute.platform.staff.internal.StaffPasswords;
import io.reroute.platform.staff.internal.StaffProperties;
import io.reroute.platform.staff.internal.StaffRepository;
import io.reroute.platform.staff.internal.StaffRevocations;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.token.AccessTokens;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.Workspace;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff accounts: adding and changing them under the owner rules, and signing them in (password or
 * the workspace's own identity provider) to a session token whose scopes follow their role.
 */
@Service
public class StaffAccounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final WorkspaceTransactions transactions;
    private final StaffRepository repository;
    private final StaffPasswords passwords;
    private final SignInThrottle throttle;
    private final StaffRevocations revocations;
    private final IdentityProviderTokens identityProviders;
    private final AccessTokens tokens;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final StaffProperties properties;
    private final Clock clock;

    StaffAccounts(
            WorkspaceTransactions transactions,
            StaffRepository repository,
            StaffPasswords passwords,
            SignInThrottle throttle,
            StaffRevocations revocations,
            IdentityProviderTokens identityProviders,
            AccessTokens tokens,
            Workspaces workspaces,
            AuditLog audit,
            StaffProperties properties,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.passwords = passwords;
        this.throttle = throttle;
        this.revocations = revocations;
        this.identityProviders = identityProviders;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A staff member to add; without a password they can only sign in through an identity provider. */
    public record NewStaffMember(String email, String displayName, StaffRole role, String password) {

        @Override
        public String toString() {
            return "NewStaffMember[email=" + email + ", role=" + role + ", password=<hidden>]";
        }
    }

    /**
     * A new staff member with the password already hashed, so that hashing (about 100 ms of bcrypt)
     * never holds the transaction that inserts them.
     */
    public record HashedStaffMember(NewStaffMember member, String passwordHash) {

        @Override
        public String toString() {
            return "HashedStaffMember[" + member + "]";
        }
    }

    /** Changes to a staff member; null leaves a value as it is. */
    public record StaffChange(String displayName, StaffRole role, String password, Boolean disabled) {

        @Override
        public String toString() {
            return "StaffChange[displayName=" + displayName + ", role=" + role + ", disabled=" + disabled
                    + ", password=" + (password == null ? "unchanged" : "<hidden>") + "]";
        }
    }

    /** A signed-in staff member: their token and who they are. */
    public record StaffSession(AccessTokens.IssuedToken token, StaffMember staff, Workspace workspace) {}

    /** Why sign-in failed: wrong credentials, or paused for {@code retryAfterSeconds} after too many. */
    public static final class SignInRefused extends RuntimeException {

        private final long retryAfterSeconds;

        SignInRefused(long retryAfterSeconds) {
            super(
                    retryAfterSeconds > 0
                            ? "too many failed sign-ins; try again in " + retryAfterSeconds + " seconds"
                            : "wrong email or password");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Checks a new member's fields; {@code prefix} names them as the request does (e.g. {@code owner}). */
    public static void validate(NewStaffMember member, Map<String, String> fieldNames, FieldErrors errors) {
        if (member.email() == null
                || member.email().length() > 254
                || !EMAIL.matcher(member.email().strip()).matches()) {
            errors.add(fieldNames.getOrDefault("email", "email"), "must be an email address");
        }
        if (member.displayName() == null
                || member.displayName().isBlank()
                || member.displayName().length() > 200) {
            errors.add(fieldNames.getOrDefault("displayName", "displayName"), "must be 1 to 200 characters");
        }
        if (member.role() == null) {
            errors.add(fieldNames.getOrDefault("role", "role"), "must be OWNER, ADMIN, OPERATOR or SUPPORT");
        }
        if (member.password() != null || fieldNames.containsKey("password")) {
            StaffPasswords.check(fieldNames.getOrDefault("password", "password"), member.password(), errors);
        }
    }

    /** Hashes a new staff member's password, before the transaction that {@link #add adds} them. */
    public Mono<HashedStaffMember> hash(NewStaffMember request) {
        return request.password() == null
                ? Mono.just(new HashedStaffMember(request, null))
                : passwords.hash(request.password()).map(hash -> new HashedStaffMember(request, hash));
    }

    /**
     * Adds a staff member in the caller's workspace transaction. {@code emailField} names the email
     * in the caller's request, for the conflict when the email is taken (in any workspace).
     */
    public Mono<StaffMember> add(WorkspaceId workspace, HashedStaffMember hashed, Actor actor, String emailField) {
        NewStaffMember request = hashed.member();
        var member = new StaffMember(
                UUID.randomUUID(),
                workspace.value(),
                request.email().strip().toLowerCase(Locale.ROOT),
                request.displayName().strip(),
                request.role(),
                false,
                clock.instant(),
                null);
        return repository
                .insert(member, hashed.passwordHash(), actor.subject())
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new ConflictException(emailField, "this email already belongs to a staff account"))
                .then(audit.record(
                        workspace,
                        actor,
                        "staff.created",
                        "staff/" + member.id(),
                        Map.of("email", member.email(), "role", member.role().name())))
                .thenReturn(member);
    }

    public Mono<StaffMember> create(NewStaffMember request, StaffRole requester, Actor actor) {
        var errors = new FieldErrors();
        validate(request, Map.of(), errors);
        errors.throwIfAny();
        if (request.role() == StaffRole.OWNER && requester != StaffRole.OWNER) {
            return Mono.error(new ConflictException("role", "only an owner can add an owner"));
        }
        return hash(request)
                .flatMap(
                        hashed -> transactions.inCurrentWorkspace(workspace -> add(workspace, hashed, actor, "email")));
    }

    public Flux<StaffMember> list() {
        return transactions
                .inCurrentWorkspace(workspace -> repository.list(workspace).collectList())
                .flatMapMany(Flux::fromIterable);
    }

    public Mono<StaffMember> find(UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> repository.find(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("staff member")));
    }

    /**
     * Changes a staff member. Only owners change owners or make someone an owner; the last active
     * owner stays one; nobody disables themselves. Role, password and disabling end their sessions.
     */
    public Mono<StaffMember> change(UUID id, StaffChange change, UUID requesterId, StaffRole requester, Actor actor) {
        var errors = new FieldErrors();
        if (change.displayName() != null
                && (change.displayName().isBlank() || change.displayName().length() > 200)) {
            errors.add("displayName", "must be 1 to 200 characters");
        }
        if (change.password() != null) {
            StaffPasswords.check("password", change.password(), errors);
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        Mono<String> newHash = change.password() == null ? Mono.just("") : passwords.hash(change.password());
        return newHash.flatMap(hash -> transactions.inCurrentWorkspace(workspace -> repository
                .lock(workspace, id)
                .switchIfEmpty(Mono.error(new NotFoundException("staff member")))
                .flatMap(current -> {
                    StaffRole role = change.role() != null ? change.role() : current.role();
                    boolean disabled = change.disabled() != null ? change.disabled() : current.disabled();
                    boolean touchesOwner = current.role() == StaffRole.OWNER || role == StaffRole.OWNER;
                    if (touchesOwner && requester != StaffRole.OWNER) {
                        return Mono.error(new ConflictException("role", "only an owner can change an owner"));
                    }
                    if (disabled && !current.disabled() && current.id().equals(requesterId)) {
                        return Mono.error(new ConflictException("disabled", "you cannot disable your own account"));
                    }
                    boolean stopsBeingOwner = current.role() == StaffRole.OWNER
                            && !current.disabled()
                            && (role != StaffRole.OWNER || disabled);
                    Mono<Void> lastOwnerCheck = !stopsBeingOwner
                            ? Mono.empty()
                            : repository
                                    .otherActiveOwners(workspace, id)
                                    .flatMap(others -> others == 0
                                            ? Mono.error(new ConflictException(
                                                    change.role() != null ? "role" : "disabled",
                                                    "the workspace must keep at least one active owner"))
                                            : Mono.empty());
                    String name =
                            change.displayName() != null ? change.displayName().strip() : current.displayName();
                    boolean endsSessions =
                            role != current.role() || (disabled && !current.disabled()) || !hash.isEmpty();
                    Map<String, Object> changed = new LinkedHashMap<>();
                    if (!name.equals(current.displayName())) {
                        changed.put("displayName", name);
                    }
                    if (role != current.role()) {
                        changed.put("role", role.name());
                    }
                    if (disabled != current.disabled()) {
                        changed.put("disabled", disabled);
                    }
                    if (!hash.isEmpty()) {
                        changed.put("password", "changed");
                    }
                    return lastOwnerCheck
                            .then(repository.update(workspace, id, name, role, disabled, now))
                            .then(hash.isEmpty() ? Mono.empty() : repository.setPasswordHash(workspace, id, hash))
                            .then(audit.record(workspace, actor, "staff.changed", "staff/" + id, changed))
                            .then(endsSessions ? revocations.endSessions(workspace, id, now) : Mono.empty())
                            .then(repository.find(workspace, id));
                })));
    }

    /** A staff member's own password change, which checks the current one and ends their other sessions. */
    public Mono<Void> changeOwnPassword(UUID staffId, String currentPassword, String newPassword, Actor actor) {
        var errors = new FieldErrors();
        StaffPasswords.check("newPassword", newPassword, errors);
        errors.throwIfAny();
        String attempt = currentPassword == null ? "" : currentPassword;
        // The slow comparison runs after the read's transaction, not holding its connection.
        return transactions
                .inCurrentWorkspace(workspace -> repository.passwordHash(workspace, staffId))
                .flatMap(hash -> passwords.matches(attempt, hash))
                .switchIfEmpty(Mono.defer(() -> passwords.matches(attempt, null)))
                .flatMap(matches -> {
                    if (!matches) {
                        return Mono.error(new io.reroute.platform.web.InvalidRequestException(
                                "currentPassword", "is not your current password"));
                    }
                    Instant now = clock.instant();
                    return passwords
                            .hash(newPassword)
                            .flatMap(hash -> transactions.inCurrentWorkspace(workspace -> repository
                                    .setPasswordHash(workspace, staffId, hash)
                                    .then(audit.record(
                                            workspace, actor, "staff.password-changed", "staff/" + staffId, Map.of()))
                                    .then(revocations.endSessions(workspace, staffId, now))));
                });
    }

    /**
     * Signs in with email and password, throttled per account. (Not per client address: sign-in
     * reaches the platform through the admin UI, so the address would be the UI's for everyone.)
     */
    public Mono<StaffSession> signIn(String email, String password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String attempt = password == null ? "" : password;
        return repository
                .credentials(normalized)
                .flatMap(credentials -> checkPassword(credentials, attempt))
                // The same slow comparison as for a known email, so timing does not tell them apart.
                .switchIfEmpty(
                        Mono.defer(() -> passwords.matches(attempt, null).then(Mono.error(new SignInRefused(0)))));
    }

    private Mono<StaffSession> checkPassword(StaffRepository.Credentials credentials, String password) {
        var workspace = credentials.workspace();
        var id = credentials.id();
        return throttle.retryAfter(workspace, id)
                .flatMap(wait -> wait > 0
                        ? Mono.error(new SignInRefused(wait))
                        : passwords
                                .matches(password, credentials.passwordHash())
                                .flatMap(matches -> matches && !credentials.disabled()
                                        ? throttle.clear(workspace, id).then(startSession(workspace, id))
                                        : throttle.recordFailure(workspace, id)
                                                .then(Mono.error(new SignInRefused(0)))));
    }

    /** Signs in with an ID token from the identity provider configured for the staff member's workspace. */
    public Mono<StaffSession> signInWithIdToken(String idToken) {
        return identityProviders
                .verify(idToken)
                .flatMap(identity -> repository
                        .credentials(identity.email())
                        .filter(credentials -> !credentials.disabled())
                        .flatMap(credentials -> transactions
                                .inWorkspace(credentials.workspace(), () -> workspaces.find(credentials.workspace()))
                                .filter(workspace -> workspace.slug().equals(identity.workspaceSlug()))
                                .flatMap(workspace -> startSession(credentials.workspace(), credentials.id()))))
                .switchIfEmpty(Mono.error(() -> new SignInRefused(0)))
                .onErrorMap(IdentityProviderTokens.Rejected.class, e -> new SignInRefused(0));
    }

    /** A session for a staff member who just proved who they are (or just opened their workspace). */
    public Mono<StaffSession> startSession(WorkspaceId workspace, UUID staffId) {
        Instant now = clock.instant();
        return transactions
                .inWorkspace(workspace, () -> repository
                        .signedIn(workspace, staffId, now)
                        .then(Mono.zip(repository.find(workspace, staffId), workspaces.find(workspace))))
                .flatMap(found -> {
                    StaffMember staff = found.getT1();
                    var grant = new AccessTokens.Grant(
                            workspace,
                            "staff:" + staff.email(),
                            Map.of(
                                    StaffTokenCheck.STAFF_CLAIM,
                                    staff.id().toString(),
                                    "role",
                                    staff.role().name()),
                            staff.role().scopes(),
                            properties.sessionTtl());
                    return tokens.issue(grant).map(token -> new StaffSession(token, staff, found.getT2()));
                });
    }
}
