package io.reroute.tenantui.settings;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** {@code settings} itself: opens the first section. */
@Route(value = "", layout = SettingsLayout.class)
@PermitAll
public class SettingsView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(BrandingSettingsView.class);
    }
}
