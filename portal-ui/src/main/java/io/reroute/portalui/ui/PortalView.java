package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import io.reroute.portalui.host.Brand;
import java.util.Optional;

/**
 * A portal page: one column for a phone's width, centred on wider screens, titled with the
 * workspace's name (and nothing else's).
 */
public abstract class PortalView extends Main implements HasDynamicTitle {

    private String title = "Service portal";

    protected PortalView() {
        column(this);
    }

    /** The page's one column; the server-rendered pages use it too. */
    public static void column(Main main) {
        main.getStyle()
                .set("box-sizing", "border-box")
                .set("min-height", "100%")
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-m) var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)");
    }

    protected void setTitle(String page, Optional<Brand> brand) {
        title = title(page, brand);
    }

    /** "Page · Workspace", or the page alone on a host without a workspace. */
    public static String title(String page, Optional<Brand> brand) {
        String name = brand.map(Brand::displayName).filter(n -> !n.isBlank()).orElse(null);
        return name == null ? page : page + " · " + name;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
