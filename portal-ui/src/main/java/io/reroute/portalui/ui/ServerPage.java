package io.reroute.portalui.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A page the server sends as finished HTML, without Vaadin's client: the first page a subscriber
 * opens from the captive redirect or a reminder, on a slow captive network, weighs a few kilobytes
 * instead of Vaadin's half megabyte of script. It draws the same components the Vaadin views use
 * (the landing page above all) from their element tree, with Lumo's few properties those components
 * use inlined, so both kinds of page look alike.
 */
public final class ServerPage {

    /** Where a page goes once the subscriber's session is over; a server-rendered page of {@code link}. */
    public static final String SESSION_ENDED_PAGE = "/session-ended";

    static final String STYLE = resource("server-page.css");

    private ServerPage() {}

    /**
     * The document, with the components in the portal's one column ({@code id} names it) and an
     * optional script of the page's own at the end.
     */
    public static String html(String title, String id, List<Component> content, String script) {
        var main = new Main();
        main.setId(id);
        PortalView.column(main);
        content.forEach(main::add);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // Links are written relative to the portal's root, as in the Vaadin views.
                + "<base href=\"/\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title><style>" + STYLE + "</style></head><body>"
                + main.getElement().getOuterHTML()
                + (script == null ? "" : "<script>" + script + "</script>")
                + "</body></html>";
    }

    /** The response: personal pages are never kept by a browser or a proxy. */
    public static ResponseEntity<String> response(HttpStatusCode status, String html) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    /** Post, redirect, get: the browser moves on (a 303, never kept by a cache). */
    public static <T> ResponseEntity<T> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(location))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** A text resource next to the class that asks for it, read once. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " of " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        return resource(ServerPage.class, name);
    }
}
