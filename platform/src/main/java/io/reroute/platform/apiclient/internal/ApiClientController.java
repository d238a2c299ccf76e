package io.reroute.platform.apiclient.internal;

import io.reroute.platform.apiclient.ApiClient;
import io.reroute.platform.apiclient.ApiClients;
import io.reroute.platform.apiclient.CreatedApiClient;
import io.reroute.platform.apiclient.NewApiClient;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "API clients", description = "Credentials for the client-credentials grant at /oauth2/token")
class ApiClientController {

    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping("/api/v1/api-clients")
    @Operation(
            summary = "List clients, revoked ones included",
            description = "Pass nextAfter as after for the next page.")
    Mono<ApiClientPage> list(
            @RequestParam(required = false) UUID after, @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        // One more than asked tells whether another page follows.
        return WorkspaceContext.current()
                .flatMap(workspace -> clients.list(workspace, size + 1, Optional.ofNullable(after))
                        .map(items -> Pages.page(items, size, ApiClient::id, ApiClientPage::new)));
    }

    @GetMapping("/api/v1/api-clients/{id}")
    @Operation(summary = "One client")
    Mono<ApiClient> get(@PathVariable UUID id) {
        return WorkspaceContext.current().flatMap(workspace -> clients.get(workspace, id));
    }

    @PostMapping("/api/v1/api-clients")
    @Operation(
            summary = "Create a client",
            description = "The response carries clientSecret once; store it, it cannot be shown again.")
    Mono<ResponseEntity<CreatedApiClient>> create(@RequestBody @Valid NewApiClient request) {
        return Mono.zip(WorkspaceContext.current(), WorkspaceContext.actor(), callerScopes())
                .flatMap(t -> clients.create(t.getT1(), t.getT2(), request, t.getT3()))
                .map(created -> ResponseEntity.created(URI.create(
                                "/api/v1/api-clients/" + created.client().id()))
                        .header("Cache-Control", "no-store")
                        .body(created));
    }

    @DeleteMapping("/api/v1/api-clients/{id}")
    @Operation(
            summary = "Revoke a client",
            description = "Its tokens stop working at once. Revoking twice is harmless.")
    Mono<ResponseEntity<Void>> revoke(@PathVariable UUID id) {
        return Mono.zip(WorkspaceContext.current(), WorkspaceContext.actor())
                .flatMap(t -> clients.revoke(t.getT1(), t.getT2(), id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static Mono<Set<ApiScope>> callerScopes() {
        return ReactiveSecurityContextHolder.getContext().map(context -> {
            Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
            for (GrantedAuthority authority : context.getAuthentication().getAuthorities()) {
                for (ApiScope scope : ApiScope.values()) {
                    if (scope.authority().equals(authority.getAuthority())) {
                        scopes.add(scope);
                    }
                }
            }
            return scopes;
        });
    }

    record ApiClientPage(List<ApiClient> items, UUID nextAfter) {}
}
