package io.reroute.gateway.captive.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.NetUtil;
import io.reroute.gateway.captive.CaptiveApi;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every HTTP request reaching the landing address. The subscriber is resolved from the
 * source address: a redirected one is sent (302) to a freshly signed link on their workspace's
 * reminder host, whatever they asked for (OS connectivity probes included, which is what opens the
 * "sign in to network" sheet); anyone else gets the probe's expected answer or a "service restored"
 * page that continues to what they asked for. {@link CaptiveApi#PATH} is the RFC 8908 Captive Portal API.
 * Stateless: one instance serves every connection.
 */
final class CaptiveRequestHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final int MAX_CONTINUE_URL = 2048;

    private final RegionState state;
    private final CaptiveLinks links;
    private final JsonMapper json;
    private final MeterRegistry meters;

    CaptiveRequestHandler(RegionState state, CaptiveLinks links, JsonMapper json, MeterRegistry meters) {
        this.state = state;
        this.links = links;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        InetSocketAddress remote = request.remoteAddress();
        Optional<Subscriber> subscriber = remote == null ? Optional.empty() : state.bySource(remote.getAddress());
        Optional<Workspace> workspace = subscriber.flatMap(s -> state.workspace(s.workspaceId()));
        boolean redirected = subscriber.map(Subscriber::redirected).orElse(false) && workspace.isPresent();
        String path = path(request.uri());

        if (path.equals(CaptiveApi.PATH) && request.method().equals(HttpMethod.GET)) {
            return api(response, redirected ? subscriber.get() : null, workspace.orElse(null));
        }
        if (redirected) {
            return redirect(request, response, subscriber.get(), workspace.get());
        }
        String host = host(request.requestHeaders().get(HttpHeaderNames.HOST));
        var probe = host == null ? Optional.<ConnectivityProbes.Expected>empty() : ConnectivityProbes.of(host, path);
        if (probe.isPresent()) {
            var expected = probe.get();
            count("probe-open", workspace);
            response.status(expected.status());
            if (expected.contentType() != null) {
                response.header(HttpHeaderNames.CONTENT_TYPE, expected.contentType());
            }
            return send(request, response, expected.body());
        }
        count(subscriber.isPresent() ? "restored" : "unknown-source", workspace);
        return html(request, response, HttpResponseStatus.OK, Pages.restored(continueUrl(host, request.uri())));
    }

    private Publisher<Void> redirect(
            HttpServerRequest request, HttpServerResponse response, Subscriber subscriber, Workspace workspace) {
        if (workspace.reminderHost() == null) {
            // Nowhere to send them yet (the ISP has not set its reminder host): say so, as RFC 6585 intends.
            count("no-portal", Optional.of(workspace));
            return html(request, response, HttpResponseStatus.NETWORK_AUTHENTICATION_REQUIRED, Pages.restricted());
        }
        return links.portalUrl(subscriber, workspace).flatMapMany(url -> {
            count("redirected", Optional.of(workspace));
            response.header(HttpHeaderNames.LOCATION, url);
            return html(request, response, HttpResponseStatus.FOUND, Pages.redirect(url));
        });
    }

    /** RFC 8908: whether this client is captive and where to go; never cached by anyone. */
    private Publisher<Void> api(HttpServerResponse response, Subscriber redirected, Workspace workspace) {
        Mono<String> body;
        if (redirected == null || workspace.reminderHost() == null) {
            body = Mono.fromSupplier(() -> json.writeValueAsString(Map.of("captive", redirected != null)));
        } else {
            body = links.portalUrl(redirected, workspace).map(url -> {
                var status = new LinkedHashMap<String, Object>();
                status.put("captive", true);
                status.put("user-portal-url", url);
                if ("CAPPED".equals(redirected.state())) {
                    status.put("bytes-remaining", 0);
                }
                return json.writeValueAsString(status);
            });
        }
        count("api", Optional.ofNullable(workspace));
        return body.flatMapMany(text -> response.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE, CaptiveApi.MEDIA_TYPE)
                .header(HttpHeaderNames.CACHE_CONTROL, "private, no-store")
                .sendString(Mono.just(text), StandardCharsets.UTF_8));
    }

    private Publisher<Void> html(
            HttpServerRequest request, HttpServerResponse response, HttpResponseStatus status, String page) {
        response.status(status).header(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        return send(request, response, page);
    }

    private static Publisher<Void> send(HttpServerRequest request, HttpServerResponse response, String body) {
        // Nothing here may be cached, nor the connection kept: the same URL answers differently a
        // second after a payment, and then the browser must reconnect to the real site.
        response.header(HttpHeaderNames.CACHE_CONTROL, "no-store").header(HttpHeaderNames.CONNECTION, "close");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (request.method().equals(HttpMethod.HEAD) || bytes.length == 0) {
            if (response.status().code() != 204) {
                response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
            }
            return response.send();
        }
        return response.sendByteArray(Mono.just(bytes));
    }

    private void count(String outcome, Optional<Workspace> workspace) {
        meters.counter(
                        "reroute.gateway.captive.requests",
                        "outcome",
                        outcome,
                        "workspace",
                        workspace.map(w -> w.id().toString()).orElse("none"))
                .increment();
    }

    /** The path without the query, from origin-form or absolute-form request targets. */
    private static String path(String uri) {
        String target = uri;
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The Host header's name, lower case and without port; null when absent or not a DNS name. */
    private static String host(String header) {
        if (header == null) {
            return null;
        }
        String host = header.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null;
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.length() <= 253 && HOST_NAME.matcher(host).matches() ? host : null;
    }

    /** Where a restored subscriber was going, when that was a named site and not this address. */
    private static String continueUrl(String host, String uri) {
        if (host == null
                || NetUtil.isValidIpV4Address(host)
                || !uri.startsWith("/")
                || uri.length() > MAX_CONTINUE_URL) {
            return null;
        }
        return "http://" + host + uri;
    }

    /** Small, self-contained pages: captive browsers load nothing else reliably. */
    static final class Pages {

        private Pages() {}

        static String redirect(String url) {
            String href = HtmlUtils.htmlEscape(url);
            return page(
                    "Sign in",
                    "<p>Your internet service is restricted. <a href=\"" + href
                            + "\">Open your account page</a> to restore it.</p>");
        }

        static String restricted() {
            return page(
                    "Service restricted",
                    "<p>Your internet service is restricted. Please contact your internet provider.</p>");
        }

        static String restored(String continueUrl) {
            if (continueUrl == null) {
                return page("Service active", "<p>Your internet service is active.</p>");
            }
            String href = HtmlUtils.htmlEscape(continueUrl);
            // The device may still hold the old DNS answer for a few seconds: retry until it resolves for real.
            return "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width\"><meta http-equiv=\"refresh\" content=\"5;url=" + href
                    + "\"><title>Service restored</title></head><body><h1>Service restored</h1><p>Your internet service"
                    + " is active again. <a href=\"" + href + "\">Continue</a></p></body></html>";
        }

        private static String page(String title, String body) {
            return "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width\"><title>" + title + "</title></head><body><h1>" + title
                    + "</h1>" + body + "</body></html>";
        }
    }
}
