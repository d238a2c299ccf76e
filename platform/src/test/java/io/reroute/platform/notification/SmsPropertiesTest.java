package io.reroute.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding as at startup, with Spring Boot's own binder. */
class SmsPropertiesTest {

    @Test
    void logsByDefault() {
        var properties = bind(Map.of());
        assertThat(properties.provider()).isEqualTo(SmsProperties.Provider.LOG);
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.http().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bind(Map.of("reroute.sms.provider", "none")).enabled()).isFalse();
    }

    @Test
    void theHttpProviderNeedsAUrlAndATokenAtStartup() {
        assertThatThrownBy(() -> bind(Map.of("reroute.sms.provider", "http", "reroute.sms.http.token", "t")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("reroute.sms.http.url");
        assertThatThrownBy(() ->
                        bind(Map.of("reroute.sms.provider", "http", "reroute.sms.http.url", "https://sms.example/m")))
                .rootCause()
                .hasMessageContaining("reroute.sms.http.token");
        assertThatThrownBy(() -> bind(Map.of(
                        "reroute.sms.provider", "http",
                        "reroute.sms.http.url", "ftp://sms.example/m",
                        "reroute.sms.http.token", "t")))
                .rootCause()
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void theTokenStaysOutOfToString() {
        var properties = bind(Map.of(
                "reroute.sms.provider", "http",
                "reroute.sms.http.url", "https://sms.example/v1/messages?key=also-secret",
                "reroute.sms.http.token", "very-secret-token",
                "reroute.sms.http.from", "ValleyNet"));
        assertThat(properties.toString())
                .contains("sms.example")
                .contains("ValleyNet")
                .doesNotContain("very-secret-token")
                .doesNotContain("also-secret");
    }

    private static SmsProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("reroute.sms", SmsProperties.class);
    }
}
