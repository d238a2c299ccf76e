package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.shell.MainLayout;
import io.reroute.tenantui.ui.CursorPager;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** All subscribers of the workspace, filtered and paged by the platform; a row opens the subscriber. */
@Route(value = "subscribers", layout = MainLayout.class)
@PageTitle("Subscribers · Reroute")
@PermitAll
public class SubscriberListView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PAGE_SIZE = 50;

    private final PlatformApi api;
    private final Catalog catalog;
    private final Select<SubscriberState> state = new Select<>();
    private final ComboBox<Catalog.Plan> plan = new ComboBox<>("Plan");
    private final ComboBox<Catalog.NasClient> nas = new ComboBox<>("NAS / router");
    private final Checkbox overdue = new Checkbox("Overdue only");
    private final TextField search = new TextField("Search");
    private final Grid<Subscriber> grid = new Grid<>();
    private final CursorPager<Subscriber> pager;
    private SubscriberFilter filter = SubscriberFilter.NONE;
    /** Set while the fields are filled from the address, so that doing so triggers no reload of its own. */
    private boolean applying;

    SubscriberListView(PlatformApi api, CurrentStaff staff) {
        this.api = api;
        this.catalog = Catalog.load(api, staff);
        setId("subscribers-view");
        setSizeFull();
        configureFilters();
        configureGrid();
        pager = CursorPager.bind(grid, PAGE_SIZE, this::page);

        var filters = new HorizontalLayout(search, state, plan, nas, overdue);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Subscribers"), filters, grid);
    }

    private void configureFilters() {
        search.setId("filter-search");
        search.setPlaceholder("Account, name, email, PPPoE user");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18em");

        state.setId("filter-state");
        state.setLabel("State");
        state.setItems(SubscriberState.values());
        state.setItemLabelGenerator(s -> s == null ? "Any state" : s.label());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any state");

        plan.setId("filter-plan");
        plan.setItems(catalog.plans());
        plan.setItemLabelGenerator(Catalog.Plan::name);
        plan.setClearButtonVisible(true);
        plan.setPlaceholder("Any plan");
        plan.setVisible(!catalog.plans().isEmpty());

        nas.setId("filter-nas");
        nas.setItems(catalog.nasClients());
        nas.setItemLabelGenerator(Catalog.NasClient::label);
        nas.setClearButtonVisible(true);
        nas.setPlaceholder("Any NAS");
        nas.setVisible(!catalog.nasClients().isEmpty());

        overdue.setId("filter-overdue");

        search.addValueChangeListener(e -> filtersChanged());
        state.addValueChangeListener(e -> filtersChanged());
        plan.addValueChangeListener(e -> filtersChanged());
        nas.addValueChangeListener(e -> filtersChanged());
        overdue.addValueChangeListener(e -> filtersChanged());
    }

    private void configureGrid() {
        grid.setId("subscribers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(Subscriber::accountNumber)
                .setHeader("Account")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Subscriber::name).setHeader("Name").setFlexGrow(2);
        grid.addComponentColumn(s -> StateBadge.of(s.state()))
                .setHeader("State")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(s -> catalog.planName(s.planId())).setHeader("Plan");
        grid.addColumn(Subscriber::email).setHeader("Email").setFlexGrow(2);
        grid.setEmptyStateText("No subscribers match these filters.");
        grid.addItemClickListener(e -> e.getSource()
                .getUI()
                .ifPresent(ui -> ui.navigate(
                        SubscriberDetailView.class,
                        SubscriberDetailView.parameters(e.getItem().id()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        applying = true;
        try {
            var wanted = SubscriberFilter.from(event.getLocation().getQueryParameters());
            search.setValue(wanted.q() == null ? "" : wanted.q());
            state.setValue(wanted.state());
            plan.setValue(find(catalog.plans(), Catalog.Plan::id, wanted.planId()));
            nas.setValue(find(catalog.nasClients(), Catalog.NasClient::id, wanted.nasId()));
            overdue.setValue(wanted.overdue());
        } finally {
            applying = false;
        }
        reload();
    }

    private void filtersChanged() {
        if (applying) {
            return;
        }
        reload();
        // The address bar follows the filters (without a navigation), so a copied link shows this view.
        getUI().ifPresent(ui ->
                ui.getPage().getHistory().replaceState(null, new Location("subscribers", filter.toQueryParameters())));
    }

    private void reload() {
        filter = new SubscriberFilter(
                state.getValue(),
                plan.getValue() == null ? null : plan.getValue().id(),
                nas.getValue() == null ? null : nas.getValue().id(),
                overdue.getValue(),
                search.getValue());
        pager.reset();
        grid.getDataProvider().refreshAll();
    }

    private CursorPager.Page<Subscriber> page(String after, int limit) {
        SubscriberFilter current = filter;
        SubscriberPage page = api.get("/api/v1/subscribers")
                .param("state", current.state())
                .param("planId", current.planId())
                .param("nasId", current.nasId())
                .param("overdue", current.overdue() ? "true" : null)
                .param("q", current.q())
                .param("after", after)
                .param("limit", limit)
                .as(SubscriberPage.class);
        return new CursorPager.Page<>(page.items(), Objects.toString(page.nextAfter(), null));
    }

    private static <T> T find(List<T> items, Function<T, UUID> id, UUID wanted) {
        return wanted == null
                ? null
                : items.stream()
                        .filter(i -> wanted.equals(id.apply(i)))
                        .findFirst()
                        .orElse(null);
    }

    private record SubscriberPage(List<Subscriber> items, UUID nextAfter) {}
}
