package io.reroute.gateway;

import io.netty.util.ResourceLeakDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One enforcement gateway per region. It never touches the database: it keeps its region's state in
 * memory, fed by the platform, and keeps enforcing when the platform or Redis is down.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    private static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        // Even sampled, leak tracking costs a stack trace per tracked buffer: several percent of a DNS
        // answer. The tests run with the paranoid level instead; set the property to turn it back on.
        if (System.getProperty(LEAK_DETECTION_LEVEL) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
