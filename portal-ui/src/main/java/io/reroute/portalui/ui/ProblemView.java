package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.platform.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that could not load what it shows. Another subscriber's invoice or checkout answers 404 at
 * the platform exactly like one that does not exist, so both read "not found".
 */
public class ProblemView extends PortalView implements HasErrorParameter<ApiProblem> {

    private final Brands brands;

    ProblemView(Brands brands) {
        this.brands = brands;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ApiProblem> parameter) {
        ApiProblem problem = parameter.getException();
        removeAll();
        setId("problem");
        var brand = brands.currentIfAvailable();
        var card = new BrandCard(brand);
        if (problem.status() == 404) {
            card.heading("Not found");
            card.add(new Paragraph("There is nothing here for your account."));
        } else if (problem.status() >= 500) {
            card.heading("Please try again in a moment");
            card.add(new Paragraph("The service is busy or briefly unavailable."));
        } else {
            card.heading("This did not work");
            card.add(new Paragraph(Formats.sentence(problem.getMessage())));
        }
        var back = Styles.secondaryButton(new Anchor("account", "Back to your account"));
        back.setId("back-to-account");
        back.setRouterIgnore(true);
        card.add(back);
        add(card);
        setTitle("Problem", brand);
        return problem.status() >= 400 && problem.status() < 600
                ? problem.status()
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
