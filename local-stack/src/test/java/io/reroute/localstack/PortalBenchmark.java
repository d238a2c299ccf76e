package io.reroute.localstack;

import io.reroute.gateway.support.FakeUpstreamDns;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * bench/portal.sh: the whole system on this machine (built jars, embedded PostgreSQL and Redis), a
 * subscriber at 127.0.0.2 blocked for an overdue invoice, then paying in the portal's sandbox; timed
 * from the payment to the gateway's DNS answering that subscriber normally again (dig, from the
 * subscriber's address), {@code runs} times. The peer, measured in the same run, is the same restore
 * made by staff (suspend, then restore), which has no payment in it. Also the bytes a first visit of
 * the landing page and of the portal's front page transfer, beside the admin UI's sign-in page.
 */
final class PortalBenchmark {

    private static final String LANDING = "192.0.2.10";
    private static final String NAME = "news.example.com";
    private static final String SUBSCRIBER_ADDRESS = "127.0.0.2";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        var stack = RunningStack.withFakeUpstreamDns();
        var chromium = new HeadlessChromium();
        stack.start();
        try {
            var platform = new PlatformClient(stack.platformUrl());
            var workspace = platform.signUp("Bench ISP");
            String host = "pay-" + workspace.slug() + ".localtest";
            platform.configurePortal(workspace, host, LANDING);
            String subscriber = platform.subscriber(workspace, "B-1", "Bench Subscriber", SUBSCRIBER_ADDRESS)
                    .get("id")
                    .asString();
            var dig = new DigClient(stack.config().dnsPort(), SUBSCRIBER_ADDRESS);
            dig.awaitAnswer(NAME, FakeUpstreamDns.ANSWER, PATIENCE);
            var portal = platform.asPortal(stack.portalSecret(), host);

            long[] paid = new long[runs];
            long[] restoredByStaff = new long[runs];
            for (int run = 0; run < runs; run++) {
                platform.overdueInvoice(workspace, subscriber, "B-INV-" + run, "10.00", 30);
                dig.awaitAnswer(NAME, LANDING, PATIENCE);
                String session = portal.openSession(platform.link(workspace, subscriber, "PAY"));
                String checkout = portal.startPaying(session);
                long start = System.nanoTime();
                portal.paySandbox(session, checkout);
                dig.awaitAnswer(NAME, FakeUpstreamDns.ANSWER, PATIENCE);
                paid[run] = System.nanoTime() - start;

                platform.post(workspace, "/api/v1/subscribers/" + subscriber + "/suspend", Map.of("reason", "bench"));
                dig.awaitAnswer(NAME, LANDING, PATIENCE);
                start = System.nanoTime();
                platform.post(workspace, "/api/v1/subscribers/" + subscriber + "/restore", Map.of("reason", "bench"));
                dig.awaitAnswer(NAME, FakeUpstreamDns.ANSWER, PATIENCE);
                restoredByStaff[run] = System.nanoTime() - start;
            }

            System.out.println();
            System.out.printf("%-58s %14s %14s%n", "", "median", "p99");
            System.out.printf(
                    "%-58s %11.0f ms %11.0f ms%n",
                    "sandbox payment -> gateway answers normally (" + runs + " runs)",
                    percentile(paid, 50),
                    percentile(paid, 99));
            System.out.printf(
                    "%-58s %11.0f ms %11.0f ms%n",
                    "peer: staff restore -> gateway answers normally",
                    percentile(restoredByStaff, 50),
                    percentile(restoredByStaff, 99));
            chromium.start();
            var landing = chromium.firstVisit(
                    stack.portalUrl(host) + "/link/" + platform.link(workspace, subscriber, "PAY"), "account");
            var front = chromium.firstVisit(stack.portalUrl(host) + "/", "home");
            var signIn = chromium.firstVisit(stack.tenantUiUrl() + "/login", "login-form");

            System.out.println();
            System.out.printf(
                    "%-58s %8d requests %9.1f KB%n",
                    "first visit: landing page from a link (to the account)",
                    landing.requests(),
                    landing.bytes() / 1000.0);
            System.out.printf(
                    "%-58s %8d requests %9.1f KB%n",
                    "first visit: the front page without a link (sign-in forms)",
                    front.requests(),
                    front.bytes() / 1000.0);
            System.out.printf(
                    "%-58s %8d requests %9.1f KB%n",
                    "peer: first visit of the admin UI's sign-in page", signIn.requests(), signIn.bytes() / 1000.0);
            System.out.println("target: p99 under 2000 ms from payment to normal answers");
        } finally {
            chromium.stop();
            stack.stop();
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    private PortalBenchmark() {}
}
