package io.reroute.platform.notification.internal;

import io.reroute.platform.notification.SmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The SMS provider {@code reroute.sms.provider} names. */
@Configuration(proxyBeanMethods = false)
class SmsSenderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsSenderConfiguration.class);

    @Bean
    SmsSender smsSender(SmsProperties properties, JsonMapper json) {
        return switch (properties.provider()) {
            case HTTP -> {
                log.info(
                        "SMS go to the HTTP provider at {}",
                        properties.http().uri().map(u -> u.getHost()).orElse(null));
                yield new HttpSmsSender(properties.http(), json);
            }
            case LOG -> {
                log.info("no SMS provider configured (reroute.sms.provider=log): SMS are logged, not sent");
                yield new LoggingSmsSender();
            }
            // Nothing is queued; SMS queued before the switch are skipped by the dispatcher, never sent.
            case NONE -> {
                log.info("SMS are switched off (reroute.sms.provider=none)");
                yield new LoggingSmsSender();
            }
        };
    }
}
