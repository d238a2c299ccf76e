package io.reroute.platform.notification.internal;

import io.netty.channel.ChannelOption;
import io.reroute.platform.notification.SmsProperties;
import io.reroute.platform.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic JSON SMS provider: {@code POST {"from", "to", "text"}} with a bearer token. 2xx is
 * sent; 4xx is refused for good, except 408 and 429, which say "later"; 5xx, a timeout or a
 * connection error are retried by the dispatcher's backoff.
 */
final class HttpSmsSender implements SmsSender {

    private static final int MAX_ERROR_TEXT = 200;

    private final WebClient client;
    private final URI url;
    // Never logged, never part of an error message.
    private final String token;
    private final String from;
    private final Duration timeout;
    private final JsonMapper json;

    HttpSmsSender(SmsProperties.Http http, JsonMapper json) {
        this.url = http.uri().orElseThrow();
        this.token = http.token().strip();
        this.from = http.from() == null || http.from().isBlank()
                ? null
                : http.from().strip();
        this.timeout = http.timeout();
        this.json = json;
        var connector = new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
        this.client = WebClient.builder().clientConnector(connector).build();
    }

    @Override
    public Mono<Void> send(WorkspaceId workspace, OutgoingSms sms) {
        var body = new LinkedHashMap<String, String>();
        if (from != null) {
            body.put("from", from);
        }
        body.put("to", sms.to());
        body.put("text", sms.text());
        return client.post()
                .uri(url)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body))
                .exchangeToMono(response -> {
                    HttpStatusCode status = response.statusCode();
                    if (status.is2xxSuccessful()) {
                        return response.releaseBody();
                    }
                    return response.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .flatMap(text -> Mono.error(
                                    refusedForGood(status)
                                            ? new SmsRefusedException(describe(status, text, sms))
                                            : new SmsProviderException(describe(status, text, sms))));
                })
                .timeout(timeout);
    }

    private static boolean refusedForGood(HttpStatusCode status) {
        return status.is4xxClientError()
                && status.value() != HttpStatus.REQUEST_TIMEOUT.value()
                && status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
    }

    /**
     * The status and the start of the provider's answer, which may echo the request: the link and
     * token taken out, anything like a phone number masked.
     */
    private String describe(HttpStatusCode status, String text, OutgoingSms sms) {
        String answer = text.replaceAll("\\s+", " ").strip();
        if (!sms.link().isEmpty()) {
            // The link's token is its last path segment, however the answer escapes the slashes before it.
            answer = answer.replace(sms.link().substring(sms.link().lastIndexOf('/') + 1), "<signed link>");
        }
        answer = answer.replace(token, "<hidden>");
        if (answer.length() > MAX_ERROR_TEXT) {
            answer = answer.substring(0, MAX_ERROR_TEXT) + "...";
        }
        return "SMS provider answered " + status.value()
                + (answer.isEmpty() ? "" : ": " + PhoneNumbers.redactNumbers(answer));
    }

    /** The provider failed in a way a later attempt may get past (5xx, 408, 429). */
    static final class SmsProviderException extends RuntimeException {
        SmsProviderException(String message) {
            super(message);
        }
    }
}
