package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.settings.NasClient;
import io.reroute.tenantui.settings.NasClientForm;
import io.reroute.tenantui.settings.Router;
import io.reroute.tenantui.settings.RouterForm;
import io.reroute.tenantui.settings.RouterScriptPanel;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.List;

/**
 * Step 4: the first router (configured by the gateways over the RouterOS API) and its NAS client
 * (allowed to ask RADIUS), then the RouterOS script to paste on it. The script needs the landing
 * IPv4 of the previous step.
 */
final class NetworkStep implements StepForm {

    private final PlatformApi api;
    private final VerticalLayout layout = new VerticalLayout();
    private final VerticalLayout forms = new VerticalLayout();
    private final VerticalLayout result = new VerticalLayout();
    private final RouterForm routerForm = new RouterForm(null, null);
    private final NasClientForm nasForm = new NasClientForm(null, false);
    private final Checkbox withNas =
            new Checkbox("It also terminates PPPoE sessions: register it as a NAS client", true);
    private final Select<Router> scriptRouter = new Select<>();
    private final RouterScriptPanel script;
    private List<Router> routers;
    private List<NasClient> nasClients;
    /** Created on an earlier attempt whose router was then refused: reused rather than created twice. */
    private NasClient createdNas;

    NetworkStep(PlatformApi api) {
        this.api = api;
        this.script = new RouterScriptPanel(api);
        layout.setPadding(false);
        layout.setId("wizard-network");
        StepHeader.add(
                layout,
                "Router and RADIUS",
                "Register your MikroTik router so the gateways can configure it, and as a NAS client so its RADIUS"
                        + " requests are answered. Then paste the generated script on it (it uses the landing IPv4"
                        + " from the previous step).");

        routerForm.hostField().addValueChangeListener(e -> nasForm.suggestAddress(e.getValue()));
        withNas.setId("network-with-nas");
        withNas.addValueChangeListener(e -> nasForm.setVisible(e.getValue()));
        var add = new Button("Save router and NAS client", e -> add());
        add.setId("network-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        forms.setPadding(false);
        forms.add(new H4("Router (RouterOS API)"), routerForm, new H4("RADIUS"), withNas, nasForm, add);

        scriptRouter.setId("network-script-router");
        scriptRouter.setLabel("Script for");
        scriptRouter.setItemLabelGenerator(Router::name);
        scriptRouter.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                script.load(e.getValue().id());
            }
        });
        var another = new Button("Add another router", e -> {
            forms.setVisible(true);
            routerForm.focus();
        });
        another.setId("network-add-another");
        another.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        result.setPadding(false);
        result.setId("network-result");
        result.add(new H4("RouterOS script"), scriptRouter, script, radiusHint(), another);

        layout.add(forms, result);
        reload(null);
    }

    private void reload(Router select) {
        routers = Router.list(api);
        nasClients = NasClient.list(api);
        boolean any = !routers.isEmpty();
        forms.setVisible(!any);
        result.setVisible(any);
        scriptRouter.setItems(routers);
        scriptRouter.setVisible(routers.size() > 1);
        if (any) {
            scriptRouter.setValue(
                    select != null
                            ? routers.stream()
                                    .filter(r -> r.id().equals(select.id()))
                                    .findFirst()
                                    .orElse(routers.getFirst())
                            : routers.getFirst());
        }
    }

    /** Creates the NAS client (first, so the router can name it) and the router; true when both were saved. */
    private boolean add() {
        FormErrors.clear(routerForm.fields());
        FormErrors.clear(nasForm.fields());
        var routerRequest = routerForm.request();
        if (withNas.getValue() && createdNas == null) {
            try {
                createdNas = api.post("/api/v1/nas-clients")
                        .body(nasForm.request(routerRequest.name()))
                        .as(NasClient.class);
            } catch (ApiProblem problem) {
                showNasProblem(problem);
                return false;
            }
        }
        Router router;
        try {
            router = api.post("/api/v1/routers")
                    .body(routerRequest.withNasId(withNas.getValue() && createdNas != null ? createdNas.id() : null))
                    .as(Router.class);
        } catch (ApiProblem problem) {
            FormErrors.show(problem, routerForm.fields());
            return false;
        }
        Notifications.success("Saved router " + router.name() + (withNas.getValue() ? " and its NAS client" : "")
                + ". Paste the script below on it.");
        createdNas = null;
        reload(router);
        return true;
    }

    private void showNasProblem(ApiProblem problem) {
        if (problem.status() == 409 && problem.errors().isEmpty()) {
            var address = nasForm.fields().get("address");
            address.setErrorMessage(problem.getMessage());
            address.setInvalid(true);
            return;
        }
        // The NAS client is named after the router: a message about its name belongs there.
        var fields = new java.util.LinkedHashMap<>(nasForm.fields());
        fields.put("name", routerForm.nameField());
        FormErrors.show(problem, fields);
    }

    private static VerticalLayout radiusHint() {
        var hint = new VerticalLayout();
        hint.setPadding(false);
        hint.setSpacing(false);
        hint.setId("network-radius-hint");
        hint.add(new Paragraph("Also point the router's RADIUS at your region's gateway (address from your Reroute"
                + " operator), with the NAS client's shared secret:"));
        for (String line : List.of(
                "/radius add service=ppp address=<gateway> secret=<shared secret> authentication-port=1812"
                        + " accounting-port=1813 require-message-auth=yes-for-request-resp",
                "/ppp aaa set use-radius=yes accounting=yes interim-update=5m",
                "/radius incoming set accept=yes port=3799")) {
            var code = new Code(line);
            code.getStyle().set("display", "block").set("white-space", "pre-wrap");
            hint.add(code);
        }
        return hint;
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public boolean save() {
        if (forms.isVisible() && (routerForm.isFilled() || nasForm.isFilled())) {
            // Saved now: stay, so the script to paste is seen before going on.
            add();
            return false;
        }
        if (routers.isEmpty() && nasClients.isEmpty()) {
            Notifications.error("Add your router first: without it restricted subscribers are not redirected.");
            routerForm.focus();
            return false;
        }
        return true;
    }
}
