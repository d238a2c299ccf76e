package io.reroute.tenantui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.reroute.tenantui.platform.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A view that could not load what it shows. Another workspace's record answers 404 at the platform,
 * exactly like one that does not exist, so both read "not found" here.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ProblemView extends VerticalLayout implements HasErrorParameter<ApiProblem> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ApiProblem> parameter) {
        ApiProblem problem = parameter.getException();
        removeAll();
        setId("problem-view");
        if (problem.status() == 404) {
            add(new H2("Not found"), new Paragraph("There is no such record in your workspace."));
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (problem.status() == 403) {
            add(new H2("Not allowed"), new Paragraph("Your role does not allow this."));
            return HttpServletResponse.SC_FORBIDDEN;
        }
        add(new H2("Could not load this page"), new Paragraph(problem.getMessage()));
        return problem.status() >= 400 && problem.status() < 600 ? problem.status() : 500;
    }
}
