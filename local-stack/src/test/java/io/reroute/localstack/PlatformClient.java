package io.reroute.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public API as the browser tests use it to set up and check what the UI shows:
 * workspaces opened by sign-up, with the owner's token for the rest.
 */
final class PlatformClient {

    static final String PASSWORD = "correct horse battery staple";

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    PlatformClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A workspace of its own for one test, and its owner signed in. */
    record Workspace(String slug, String displayName, String ownerEmail, String token) {}

    Workspace signUp(String displayName) {
        String slug = uniqueSlug(displayName);
        String email = "owner@" + slug + ".example.net";
        JsonNode answer = send(
                null,
                "POST",
                "/api/v1/onboarding",
                Map.of(
                        "ispName", displayName,
                        "slug", slug,
                        "currency", "EUR",
                        "ownerName", "Owner of " + displayName,
                        "ownerEmail", email,
                        "password", PASSWORD));
        return new Workspace(slug, displayName, email, answer.get("accessToken").asString());
    }

    /** The owner's sign-in, for a workspace opened through the UI. */
    String signIn(String email) {
        return send(null, "POST", "/api/v1/staff/sign-in", Map.of("email", email, "password", PASSWORD))
                .get("accessToken")
                .asString();
    }

    /**
     * Settings a portal needs: the reminder host subscribers are sent to, the landing address the
     * gateway answers restricted subscribers with, and a brand.
     */
    void configurePortal(Workspace workspace, String reminderHost, String landingIpv4) {
        configurePortal(workspace, reminderHost, landingIpv4, 10);
    }

    /** As {@link #configurePortal(Workspace, String, String)}, blocking after {@code blockAfterDays} overdue. */
    void configurePortal(Workspace workspace, String reminderHost, String landingIpv4, int blockAfterDays) {
        send(
                workspace.token(),
                "PUT",
                "/api/v1/workspace/settings",
                Map.of(
                        "displayName",
                        workspace.displayName(),
                        "branding",
                        Map.of(
                                "primaryColor", "#0055aa",
                                "accentColor", "#ff6600",
                                "title", workspace.displayName(),
                                "message", "Your account needs your attention.",
                                "buttonLabel", "Pay now",
                                "note", "Questions? Call 0800 123 456"),
                        "reminderHost",
                        reminderHost,
                        "landing",
                        Map.of("ipv4", landingIpv4),
                        "mail",
                        Map.of("fromName", workspace.displayName(), "fromAddress", "billing@" + reminderHost),
                        "thresholds",
                        Map.of(
                                "reminderAfterDays",
                                3,
                                "blockAfterDays",
                                blockAfterDays,
                                "minimumAmountToBlock",
                                "5.00")));
    }

    /** An invoice {@code daysOverdue} past due: enough days overdue blocks its subscriber at once. */
    JsonNode overdueInvoice(Workspace workspace, String subscriber, String number, String amount, int daysOverdue) {
        return post(
                workspace,
                "/api/v1/invoices",
                Map.of(
                        "subscriberId", subscriber,
                        "number", number,
                        "amount", amount,
                        "currency", "EUR",
                        "dueDate",
                                java.time.LocalDate.now().minusDays(daysOverdue).toString()));
    }

    /** A signed link of {@code purpose} ({@code PAY}, {@code TOP_UP}) as reminders carry it. */
    String link(Workspace workspace, String subscriber, String purpose) {
        return post(workspace, "/api/v1/subscribers/" + subscriber + "/reminder-links", Map.of("purpose", purpose))
                .get("token")
                .asString();
    }

    /**
     * A subscriber on a plan of their own, with a static address of the shared CGNAT range (random, so
     * workspaces of one region never claim the same one); returns the subscriber.
     */
    JsonNode subscriber(Workspace workspace, String account, String name) {
        return subscriber(workspace, account, name, randomCgnatAddress());
    }

    /** As {@link #subscriber(Workspace, String, String)}, at a given static address. */
    JsonNode subscriber(Workspace workspace, String account, String name, String staticIpv4) {
        return subscriber(workspace, plan(workspace, "Fibre " + account), account, name, staticIpv4);
    }

    /** A subscriber on a given plan, at a given static address. */
    JsonNode subscriber(Workspace workspace, String planId, String account, String name, String staticIpv4) {
        return post(
                workspace,
                "/api/v1/subscribers",
                Map.of(
                        "accountNumber",
                        account,
                        "name",
                        name,
                        "email",
                        account.toLowerCase() + "@subscribers.example.net",
                        "planId",
                        planId,
                        "pppoeUsername",
                        account.toLowerCase() + "@" + workspace.slug(),
                        "pppoePassword",
                        "pppoe-" + account,
                        "staticIpv4",
                        staticIpv4));
    }

    /** A monthly plan without a data cap; returns its id. */
    String plan(Workspace workspace, String name) {
        JsonNode plan = post(
                workspace,
                "/api/v1/plans",
                Map.of(
                        "name",
                        name,
                        "price",
                        "30.00",
                        "currency",
                        "EUR",
                        "billingCycle",
                        "MONTHLY",
                        "downloadKbps",
                        100_000,
                        "uploadKbps",
                        20_000));
        return plan.get("id").asString();
    }

    JsonNode post(Workspace workspace, String path, Map<String, ?> body) {
        return send(workspace.token(), "POST", path, body);
    }

    JsonNode get(String token, String path) {
        return send(token, "GET", path, null);
    }

    /**
     * What the portal process does for a subscriber's browser: opens a session from a signed link,
     * starts paying everything open, and pays a sandbox checkout (the subscriber's click).
     */
    record Portal(PlatformClient platform, String secret, String host) {

        String openSession(String link) {
            return call(null, "POST", "/internal/portal/sessions", Map.of("host", host, "token", link))
                    .get("session")
                    .asString();
        }

        String startPaying(String session) {
            return call(session, "POST", "/internal/portal/checkouts", Map.of("purpose", "PAY"))
                    .get("id")
                    .asString();
        }

        JsonNode paySandbox(String session, String checkout) {
            return call(session, "POST", "/internal/portal/checkouts/" + checkout + "/sandbox-payment", Map.of());
        }

        private JsonNode call(String session, String method, String path, Map<String, ?> body) {
            var headers = new java.util.HashMap<String, String>();
            headers.put(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(
                                            ("portal:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            if (session != null) {
                headers.put("X-Portal-Session", session);
                headers.put("X-Portal-Host", host);
            }
            return platform.sendWith(headers, method, path, body);
        }
    }

    Portal asPortal(String secret, String host) {
        return new Portal(this, secret, host);
    }

    private JsonNode send(String token, String method, String path, Map<String, ?> body) {
        return sendWith(token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), method, path, body);
    }

    private JsonNode sendWith(Map<String, String> headers, String method, String path, Map<String, ?> body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.getNodeFactory().missingNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static String randomCgnatAddress() {
        var random = ThreadLocalRandom.current();
        return "100." + random.nextInt(64, 128) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String uniqueSlug(String displayName) {
        String base = displayName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
