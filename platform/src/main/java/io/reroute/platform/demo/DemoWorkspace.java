package io.reroute.platform.demo;

import io.reroute.platform.apiclient.ApiClients;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.workspace.NewWorkspace;
import io.reroute.platform.workspace.WorkspaceProvisioning;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creates the demo workspace and its API client on the embedded default, once: on later starts the
 * client already authenticates and nothing is written.
 */
@Component
@ConditionalOnProperty(name = "reroute.demo.enabled", havingValue = "true")
class DemoWorkspace implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final Actor ACTOR = new Actor("local-stack");

    private final DemoProperties properties;
    private final WorkspaceProvisioning provisioning;
    private final ApiClients clients;
    private final TransactionalOperator transactional;

    DemoWorkspace(
            DemoProperties properties,
            WorkspaceProvisioning provisioning,
            ApiClients clients,
            TransactionalOperator transactional) {
        this.properties = properties;
        this.provisioning = provisioning;
        this.clients = clients;
        this.transactional = transactional;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = clients.authenticate(properties.clientId(), properties.clientSecret())
                .block();
        if (existing != null) {
            log.info("demo workspace {} is ready (client {})", existing.workspace(), properties.clientId());
            return;
        }
        var workspace = transactional
                .transactional(provisioning
                        .provision(new NewWorkspace("demo", "Demo ISP", properties.region(), "USD"), ACTOR)
                        .flatMap(created -> clients.register(
                                        created.id(),
                                        ACTOR,
                                        "Demo client",
                                        EnumSet.allOf(ApiScope.class),
                                        properties.clientId(),
                                        properties.clientSecret())
                                .thenReturn(created)))
                .block();
        log.info("demo workspace {} created with API client {}", workspace.id(), properties.clientId());
    }

    @ConfigurationProperties("reroute.demo")
    record DemoProperties(boolean enabled, String region, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "DemoProperties[enabled=" + enabled + ", region=" + region + ", clientId=" + clientId + "]";
        }
    }
}
