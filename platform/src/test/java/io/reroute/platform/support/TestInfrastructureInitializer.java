package io.reroute.platform.support;

import io.reroute.devinfra.TestInfrastructure;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points the platform at the test PostgreSQL and Redis: the application connects as the restricted
 * role, migrations run at start as the owner, exactly as in production.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A fixed secrets key for tests only. */
    public static final String SECRETS_KEY =
            Base64.getEncoder().encodeToString("test-secrets-key-32-bytes-long!!".getBytes());

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var infrastructure = TestInfrastructure.get();
        var db = infrastructure.database();
        TestPropertyValues.of(
                        "spring.r2dbc.url=" + db.r2dbcUrl(),
                        "spring.r2dbc.username=" + db.appUsername(),
                        "spring.r2dbc.password=" + db.appPassword(),
                        "spring.flyway.url=" + db.jdbcUrl(),
                        "spring.flyway.user=" + db.ownerUsername(),
                        "spring.flyway.password=" + db.ownerPassword(),
                        "spring.flyway.placeholders.app_role=" + db.appUsername(),
                        "spring.data.redis.url=" + infrastructure.redisUrl(),
                        "reroute.secrets.key=" + SECRETS_KEY,
                        "reroute.internal.gateway-credentials=" + InternalCredentials.GATEWAY_CREDENTIALS,
                        "reroute.internal.portal-secret=" + InternalCredentials.PORTAL_SECRET,
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + TestMailServer.port(),
                        "reroute.sms.provider=http",
                        "reroute.sms.http.url=" + TestSmsGateway.url(),
                        "reroute.sms.http.token=" + TestSmsGateway.TOKEN,
                        "reroute.sms.http.from=" + TestSmsGateway.FROM,
                        "reroute.sms.http.timeout=5s",
                        "reroute.payments.sandbox-enabled=true",
                        "reroute.payments.stripe-api-base="
                                + TestStripeApi.get().baseUri())
                .applyTo(context);
        // Tests run the scheduler, the relay, the accounting consumer and the mail dispatcher
        // themselves, on a clock they move; a test class may switch one on with @TestPropertySource.
        for (String job : List.of(
                "reroute.enforcement.scheduler-enabled",
                "reroute.usage.scheduler-enabled",
                "reroute.outbox.relay-enabled",
                "reroute.accounting.consumer-enabled",
                "reroute.notifications.dispatcher-enabled")) {
            var inlined = context.getEnvironment()
                    .getPropertySources()
                    .get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
            if (inlined == null || !inlined.containsProperty(job)) {
                TestPropertyValues.of(job + "=false").applyTo(context);
            }
        }
    }
}
