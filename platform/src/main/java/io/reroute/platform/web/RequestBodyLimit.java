package io.reroute.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects a declared oversized body before reading it. Bodies without a length are capped by the
 * codecs' in-memory limit, which {@link ApiExceptionHandler} turns into the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimit implements WebFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ProblemResponseWriter problems;

    public RequestBodyLimit(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > MAX_BODY_BYTES) {
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "payload-too-large",
                            "Payload too large",
                            "The request body exceeds " + MAX_BODY_BYTES + " bytes."));
        }
        return chain.filter(exchange);
    }
}
