package io.reroute.portalui.link;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The reminder host's own address ({@code /}) is Vaadin's too: its client talks to the views through
 * {@code /?v-r=...} (GET and POST), so no controller can own that path. A browser asking for the page
 * itself is handed the server-rendered front page ({@link SignInController#home}); everything else
 * goes on to Vaadin untouched.
 */
@Component
class FrontPageFilter extends OncePerRequestFilter {

    static final String FRONT_PAGE = "/front-page";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return !read || !"/".equals(request.getRequestURI()) || request.getParameter("v-r") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.getRequestDispatcher(FRONT_PAGE).forward(request, response);
    }
}
