package io.reroute.portalui.host;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The host the subscriber is on, which picks the workspace. Read once, from the request that
 * creates the UI (behind the ingress, X-Forwarded-Host through Spring's forwarded-header filter),
 * and kept in the UI, so every later call of that page names the same host.
 */
@Component
public class CurrentHost implements VaadinServiceInitListener {

    /** What the UI holds: the parsed host, empty when the request's host can be no workspace's. */
    private record Resolved(Optional<String> host) {}

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> resolve(init.getUI()));
    }

    /** The host of a request outside Vaadin (the server-rendered pages). */
    public static Optional<String> of(HttpServletRequest request) {
        return HostNames.parse(request.getServerName());
    }

    public static Optional<String> get() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : resolve(ui);
    }

    private static Optional<String> resolve(UI ui) {
        Resolved resolved = ComponentUtil.getData(ui, Resolved.class);
        if (resolved == null) {
            resolved = new Resolved(
                    VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                            ? HostNames.parse(request.getServerName())
                            : Optional.empty());
            ComponentUtil.setData(ui, Resolved.class, resolved);
        }
        return resolved.host();
    }
}
