package io.reroute.platform.apiclient;

import io.reroute.platform.apiclient.internal.ApiClientRepository;
import io.reroute.platform.apiclient.internal.ClientSecrets;
import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** API clients: machine credentials of one workspace for the client-credentials grant. */
@Service
public class ApiClients {

    private final WorkspaceTransactions transactions;
    private final ApiClientRepository clients;
    private final ClientRevocations revocations;
    private final AuditLog audit;
    private final Clock clock;

    public ApiClients(
            WorkspaceTransactions transactions,
            ApiClientRepository clients,
            ClientRevocations revocations,
            AuditLog audit,
            Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.revocations = revocations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks a client id and secret. Empty for an unknown client, a wrong secret or a revoked client
     * alike, so the caller cannot tell which.
     */
    public Mono<AuthenticatedClient> authenticate(String clientId, String secret) {
        return clients.credentials(clientId)
                .filter(stored -> ClientSecrets.matches(secret, stored.secretHash()) && !stored.revoked())
                .map(stored -> new AuthenticatedClient(stored.workspace(), clientId, stored.scopes()))
                .switchIfEmpty(
                        Mono.fromRunnable(() -> ClientSecrets.matches(secret, ClientSecrets.UNKNOWN_CLIENT_HASH)));
    }

    /** The workspace a client id belongs to, if it exists: used to scope throttling of failed attempts. */
    public Mono<WorkspaceId> workspaceOf(String clientId) {
        return clients.credentials(clientId).map(ApiClientRepository.StoredCredentials::workspace);
    }

    /**
     * Creates a client in {@code workspace}. {@code grantable} bounds the scopes: a caller cannot
     * hand out more than it holds itself.
     */
    public Mono<CreatedApiClient> create(
            WorkspaceId workspace, Actor actor, NewApiClient request, Set<ApiScope> grantable) {
        TreeSet<ApiScope> scopes = parseScopes(request.scopes(), grantable);
        return insert(
                workspace,
                actor,
                request.name().strip(),
                scopes,
                ClientSecrets.newClientId(),
                ClientSecrets.newSecret());
    }

    /**
     * Registers a client whose credentials were chosen elsewhere: the demo workspace of the local
     * stack, whose credentials the launcher prints.
     */
    public Mono<CreatedApiClient> register(
            WorkspaceId workspace, Actor actor, String name, Set<ApiScope> scopes, String clientId, String secret) {
        if (!clientId.matches("[A-Za-z0-9_.-]{3,64}") || secret.length() < 32) {
            return Mono.error(
                    new IllegalArgumentException("client id must be 3-64 plain characters and the secret at least 32"));
        }
        return insert(workspace, actor, name, new TreeSet<>(scopes), clientId, secret);
    }

    private Mono<CreatedApiClient> insert(
            WorkspaceId workspace, Actor actor, String name, TreeSet<ApiScope> scopes, String clientId, String secret) {
        var client = new ApiClient(UUID.randomUUID(), clientId, name, scopes, clock.instant(), actor.subject(), null);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("clientId", client.clientId());
        described.put("name", client.name());
        described.put("scopes", scopes.stream().map(ApiScope::value).toList());
        return transactions.inWorkspace(workspace, () -> clients.insert(workspace, client, ClientSecrets.hash(secret))
                .then(audit.record(workspace, actor, "api-client.created", "api-client/" + client.id(), described))
                .thenReturn(new CreatedApiClient(client, secret)));
    }

    public Mono<List<ApiClient>> list(WorkspaceId workspace, int limit, Optional<UUID> after) {
        return transactions.inWorkspace(
                workspace, () -> clients.list(workspace, limit, after).collectList());
    }

    public Mono<ApiClient> get(WorkspaceId workspace, UUID id) {
        return transactions
                .inWorkspace(workspace, () -> clients.find(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("API client")));
    }

    /** Revokes a client: it gets no new tokens, and tokens already issued stop working at once. */
    public Mono<Void> revoke(WorkspaceId workspace, Actor actor, UUID id) {
        return transactions
                .inWorkspace(workspace, () -> clients.find(workspace, id)
                        .switchIfEmpty(Mono.error(new NotFoundException("API client")))
                        .flatMap(client -> clients.revoke(workspace, id, clock.instant())
                                .flatMap(changed -> changed == 0
                                        ? Mono.just(client)
                                        : audit.record(
                                                        workspace,
                                                        actor,
                                                        "api-client.revoked",
                                                        "api-client/" + id,
                                                        Map.of("clientId", client.clientId()))
                                                .thenReturn(client))))
                .flatMap(client -> revocations.revoke(workspace, client.clientId()));
    }

    private static TreeSet<ApiScope> parseScopes(Set<String> requested, Set<ApiScope> grantable) {
        var errors = new FieldErrors();
        var scopes = new TreeSet<ApiScope>();
        for (String value : requested) {
            Optional<ApiScope> scope = ApiScope.parse(value);
            if (scope.isEmpty()) {
                errors.add("scopes", "unknown scope '" + value + "'");
            } else if (!grantable.contains(scope.get())) {
                errors.add("scopes", "'" + value + "' cannot be granted by a caller that does not hold it");
            } else {
                scopes.add(scope.get());
            }
        }
        errors.throwIfAny();
        return scopes;
    }
}
