package io.reroute.platform.token.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.reroute.platform.apiclient.ApiClients;
import io.reroute.platform.apiclient.AuthenticatedClient;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.token.AccessTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 section 4.4). Errors follow
 * RFC 6749 section 5.2 rather than RFC 9457, because OAuth client libraries expect that shape here.
 * Off when an external identity provider issues the tokens.
 */
@RestController
@ConditionalOnExpression("'${reroute.security.jwk-set-uri:}'.isBlank()")
@Tag(name = "OAuth 2.0", description = "Access tokens for API clients")
class TokenEndpoint {

    private final ApiClients clients;
    private final AccessTokens tokens;
    private final SecurityProperties security;
    private final TokenThrottle throttle;

    TokenEndpoint(ApiClients clients, AccessTokens tokens, SecurityProperties security, TokenThrottle throttle) {
        this.clients = clients;
        this.tokens = tokens;
        this.security = security;
        this.throttle = throttle;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(
            summary = "Client-credentials grant",
            description =
                    "Authenticate with HTTP Basic (client_id:client_secret)"
                            + " or client_id and client_secret form fields; grant_type=client_credentials; optional space-separated scope.")
    Mono<ResponseEntity<Object>> token(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Credentials credentials;
            try {
                credentials = credentials(exchange.getRequest().getHeaders(), form);
            } catch (IllegalArgumentException e) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage()));
            }
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return Mono.just(error(
                        HttpStatus.BAD_REQUEST,
                        "unsupported_grant_type",
                        "only grant_type=client_credentials is supported"));
            }
            return throttle.check(credentials.clientId())
                    .flatMap(standing -> standing.lockedOut()
                            ? Mono.just(tooManyAttempts(standing.retryAfterSeconds()))
                            : clients.authenticate(credentials.clientId(), credentials.secret())
                                    .flatMap(client -> grant(client, form.getFirst("scope")))
                                    .switchIfEmpty(Mono.defer(() -> throttle.recordFailure(standing)
                                            .thenReturn(invalidClient(credentials.basic())))));
        });
    }

    private Mono<ResponseEntity<Object>> grant(AuthenticatedClient client, String requestedScope) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (requestedScope == null || requestedScope.isBlank()) {
            scopes.addAll(client.scopes());
        } else {
            for (String value : requestedScope.strip().split(" +")) {
                Optional<ApiScope> scope = ApiScope.parse(value);
                if (scope.isEmpty() || !client.scopes().contains(scope.get())) {
                    return Mono.just(error(
                            HttpStatus.BAD_REQUEST,
                            "invalid_scope",
                            "scope '" + value + "' is not granted to this client"));
                }
                scopes.add(scope.get());
            }
        }
        var grant = new AccessTokens.Grant(
                client.workspace(),
                client.clientId(),
                Map.of("client_id", client.clientId()),
                scopes,
                security.tokenTtl());
        return tokens.issue(grant).map(token -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds(), token.scope())));
    }

    private static Credentials credentials(HttpHeaders headers, MultiValueMap<String, String> form) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        boolean inForm = form.containsKey("client_id") || form.containsKey("client_secret");
        if (authorization != null) {
            if (inForm) {
                throw new IllegalArgumentException("use one client authentication method, not both");
            }
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new IllegalArgumentException("client authentication must be HTTP Basic");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("malformed Basic credentials");
            }
            // RFC 6749 section 2.3.1: both parts are form-url-encoded before Basic encoding.
            return new Credentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    true);
        }
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("client_id and client_secret are required");
        }
        return new Credentials(id, secret, false);
    }

    private static ResponseEntity<Object> invalidClient(boolean basic) {
        var response = ResponseEntity.status(HttpStatus.UNAUTHORIZED);
        if (basic) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"reroute\"");
        }
        return response.cacheControl(CacheControl.noStore())
                .body(new TokenError("invalid_client", "client authentication failed"));
    }

    private static ResponseEntity<Object> tooManyAttempts(long retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .cacheControl(CacheControl.noStore())
                .body(new TokenError("invalid_client", "too many failed attempts for this client; retry later"));
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String description) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(new TokenError(code, description));
    }

    private record Credentials(String clientId, String secret, boolean basic) {

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", secret=<hidden>]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("scope") String scope) {

        @Override
        public String toString() {
            return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope + "]";
        }
    }

    record TokenError(
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String description) {}
}
