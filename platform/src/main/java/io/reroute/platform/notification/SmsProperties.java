package io.reroute.platform.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber SMS ({@code reroute.sms.*}), sent for usage alerts beside the mail.
 *
 * @param provider {@code log} (the default: messages are logged with the number masked, not sent),
 *     {@code http} (a JSON HTTP provider, see {@link Http}) or {@code none} (no SMS is queued)
 * @param http the HTTP provider; its url and token are required with {@code provider=http}
 */
@ConfigurationProperties("reroute.sms")
public record SmsProperties(
        @DefaultValue("log") Provider provider,
        @DefaultValue Http http) {

    public enum Provider {
        LOG,
        HTTP,
        NONE
    }

    public SmsProperties {
        // Fail at startup rather than with the first alert.
        if (provider == Provider.HTTP) {
            if (http.url() == null || http.url().isBlank()) {
                throw new IllegalArgumentException("reroute.sms.provider=http needs reroute.sms.http.url");
            }
            if (http.token() == null || http.token().isBlank()) {
                throw new IllegalArgumentException("reroute.sms.provider=http needs reroute.sms.http.token");
            }
            String scheme = http.uri().map(URI::getScheme).orElse(null);
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("reroute.sms.http.url must be an http(s) URL");
            }
        }
    }

    /** Whether SMS are queued and sent at all. */
    public boolean enabled() {
        return provider != Provider.NONE;
    }

    /**
     * A provider that takes {@code POST url} with {@code {"from", "to", "text"}} as JSON and
     * {@code Authorization: Bearer <token>}: 2xx is sent, 4xx refused for good, anything else retried.
     *
     * @param url where messages are posted
     * @param token the bearer token; a secret, hidden from {@link #toString()}
     * @param from the sender name or number; empty leaves it to the provider's account default
     * @param timeout how long one request may take before it is retried later
     */
    public record Http(
            String url,
            String token,
            String from,
            @DefaultValue("10s") Duration timeout) {

        /** The url, if it parses. */
        public Optional<URI> uri() {
            try {
                return url == null || url.isBlank() ? Optional.empty() : Optional.of(new URI(url.strip()));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        /** Only the url's host: its path or query might hold a key too. */
        @Override
        public String toString() {
            return "Http[host=" + uri().map(URI::getHost).orElse(null) + ", token=<hidden>, from=" + from + ", timeout="
                    + timeout + "]";
        }
    }
}
