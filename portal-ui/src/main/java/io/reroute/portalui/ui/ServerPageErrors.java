package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Failures of the server-rendered pages, answered as the Vaadin views answer theirs: an ended
 * session leads to the page that explains it, an unreachable platform to a neutral "try again".
 */
@ControllerAdvice(basePackages = "io.reroute.portalui")
class ServerPageErrors {

    private static final Logger log = LoggerFactory.getLogger(ServerPageErrors.class);

    @ExceptionHandler(SessionEndedException.class)
    ResponseEntity<Void> sessionEnded(HttpServletRequest request) {
        Sessions.forget(request);
        return ServerPage.seeOther(ServerPage.SESSION_ENDED_PAGE);
    }

    @ExceptionHandler(PlatformUnavailableException.class)
    ResponseEntity<String> unavailable(HttpServletRequest request) {
        return tryAgain(request, HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** A problem the page did not expect (the platform refused what it asked): logged, never shown raw. */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<String> problem(ApiProblem problem, HttpServletRequest request) {
        // The route's pattern, never its path: a link's path is its token.
        log.warn(
                "portal page {} on host {} failed: HTTP {} {}",
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                CurrentHost.of(request).orElse("-"),
                problem.status(),
                problem.type());
        return tryAgain(request, HttpStatus.BAD_GATEWAY);
    }

    private static ResponseEntity<String> tryAgain(HttpServletRequest request, HttpStatus status) {
        var card = new BrandCard(Optional.empty());
        card.setId("unavailable");
        card.heading("Please try again in a moment");
        card.add(new Paragraph("The service is busy or briefly unavailable. Nothing about your account changed."));
        String again = "GET".equals(request.getMethod()) ? request.getRequestURI() : "/";
        var retry = Styles.secondaryButton(new Anchor(again, "Try again"));
        retry.setId("try-again");
        card.add(retry);
        return ServerPage.response(status, ServerPage.html("Service portal", "unavailable-page", List.of(card), null));
    }
}
