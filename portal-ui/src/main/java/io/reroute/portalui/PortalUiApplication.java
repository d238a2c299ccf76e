package io.reroute.portalui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The branded subscriber portal. It serves every workspace, chosen by the host name the request
 * arrives on, and reaches the platform only through its HTTP API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
public class PortalUiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(PortalUiApplication.class, args);
    }

    /** No favicon request: one round trip less on a slow captive network, and no image but the logo. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icon", "data:,");
    }
}
