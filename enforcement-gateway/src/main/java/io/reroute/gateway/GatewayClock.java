package io.reroute.gateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's one clock, replaceable in tests. */
@Configuration(proxyBeanMethods = false)
class GatewayClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
