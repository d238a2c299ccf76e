package io.reroute.platform.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error a handler (or the dispatcher, for unknown routes and methods) raises into an
 * RFC 9457 problem document with a detail a client developer can act on.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    Mono<ResponseEntity<Object>> notFound(NotFoundException e, ServerWebExchange exchange) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> conflict(ConflictException e, ServerWebExchange exchange) {
        var problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            Problems.withErrors(problem, List.of(new FieldError(e.field(), e.getMessage())));
        }
        return respond(problem, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> preconditionFailed(PreconditionFailedException e, ServerWebExchange exchange) {
        return respond(
                Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch", e.getMessage()),
                exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> keyReused(Idempotency.IdempotencyKeyReusedException e, ServerWebExchange exchange) {
        return respond(
                Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        e.getMessage()),
                exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> unprocessable(UnprocessableException e, ServerWebExchange exchange) {
        var problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return respond(problem, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalid(InvalidRequestException e, ServerWebExchange exchange) {
        return respond(invalidFields(e.errors()), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return respond(payloadTooLarge(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> unexpected(Exception e, ServerWebExchange exchange) {
        log.error(
                "Unhandled error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                e);
        return respond(
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Internal error",
                        "The request could not be completed; nothing was changed. Retry later."),
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return respond(invalidFields(errors), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return respond(payloadTooLarge(), exchange);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return respond(
                        invalidFields(List.of(new FieldError(
                                path(unknown),
                                "unknown field; see the API document for the fields this resource takes"))),
                        exchange);
            }
            if (cause instanceof StreamReadException malformed) {
                return respond(
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "malformed-json",
                                "Malformed JSON",
                                "The body is not valid JSON: " + malformed.getOriginalMessage()),
                        exchange);
            }
            if (cause instanceof JacksonException mapping) {
                return respond(
                        invalidFields(List.of(new FieldError(
                                path(mapping), "wrong type or format: " + mapping.getOriginalMessage()))),
                        exchange);
            }
        }
        String detail = ex.getCause() instanceof DecodingException decoding ? decoding.getMessage() : ex.getReason();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // Framework errors (unknown route, wrong method, unsupported media type) keep Spring's
        // status and detail but get our type URI and the request path as instance.
        if (body instanceof ProblemDetail problem
                && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(Problems.TYPE_BASE + "http-" + status.value()));
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid; see errors";
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail), errors);
    }

    private static ProblemDetail payloadTooLarge() {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds " + RequestBodyLimit.MAX_BODY_BYTES + " bytes.");
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "$" : path;
    }

    private static Mono<ResponseEntity<Object>> respond(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        return Mono.just(ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }
}
