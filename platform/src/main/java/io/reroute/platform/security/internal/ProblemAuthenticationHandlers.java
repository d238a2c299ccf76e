package io.reroute.platform.security.internal;

import io.reroute.platform.web.ProblemResponseWriter;
import io.reroute.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem documents, with the {@code WWW-Authenticate} challenge RFC 6750 asks for.
 * The detail says what is wrong with the token, never anything about the resource asked for.
 */
@Component
class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponseWriter problems;

    ProblemAuthenticationHandlers(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenGiven = e instanceof OAuth2AuthenticationException;
        String detail = tokenGiven ? describe((OAuth2AuthenticationException) e) : "A bearer access token is required.";
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        tokenGiven
                                ? "Bearer error=\"invalid_token\", error_description=\"" + quote(detail) + "\""
                                : "Bearer");
        return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(
                exchange,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "insufficient-scope",
                        "Insufficient scope",
                        "The access token does not carry the scope this operation needs."));
    }

    /** For {@code /internal/**}: a Basic challenge instead of a bearer one. */
    ServerAuthenticationEntryPoint basic() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"reroute-internal\"");
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthorized",
                            "Unauthorized",
                            "Internal endpoints need the credentials of a gateway or the portal."));
        };
    }

    /** For {@code /internal/**}: authenticated, but another region's gateway or the wrong process. */
    ServerAccessDeniedHandler internal() {
        return (exchange, denied) -> problems.write(
                exchange,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Forbidden",
                        "These credentials do not give access to this resource."));
    }

    private static String describe(OAuth2AuthenticationException e) {
        String description = e.getError().getDescription();
        return "The access token is not valid" + (description != null ? ": " + description : ".");
    }

    private static String quote(String text) {
        return text.replace("\\", "").replace("\"", "'");
    }
}
