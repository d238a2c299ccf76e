package io.reroute.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.reroute.gateway.support.FakeUpstreamDns;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system started once for a test class, as the README's run command starts it (built jars,
 * embedded PostgreSQL and Redis), on free ports and with its data in a fresh directory.
 */
final class RunningStack implements BeforeAllCallback, AfterAllCallback {

    private final boolean fakeUpstream;
    private boolean withMail;
    private FakeUpstreamDns upstream;
    private GreenMail mail;
    private Path data;
    private LocalStackConfig config;
    private LocalStack stack;

    private RunningStack(boolean fakeUpstream) {
        this.fakeUpstream = fakeUpstream;
    }

    /** The gateway forwards DNS to the system's resolvers. */
    static RunningStack withSystemDns() {
        return new RunningStack(false);
    }

    /**
     * The gateway forwards DNS to a stand-in resolver that answers every name with {@link
     * FakeUpstreamDns#ANSWER}: these machines reach no public DNS, and a restored subscriber's
     * answer must be told apart from the landing address at once.
     */
    static RunningStack withFakeUpstreamDns() {
        return new RunningStack(true);
    }

    /** The platform sends its mail to a real SMTP server of the test's ({@link #mail()}). */
    RunningStack withMailServer() {
        withMail = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    void start() throws Exception {
        data = Files.createTempDirectory("reroute-stack");
        String dns = "";
        if (fakeUpstream) {
            upstream = new FakeUpstreamDns();
            dns = upstream.address();
        }
        String smtp = "";
        if (withMail) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
            smtp = "127.0.0.1:" + mail.getSmtp().getPort();
        }
        config = onFreePorts(data, dns, smtp);
        stack = new LocalStack(config);
        stack.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    String platformUrl() {
        return "http://localhost:" + config.platformPort();
    }

    String tenantUiUrl() {
        return "http://localhost:" + config.tenantUiPort();
    }

    /** The SMTP server the platform mails through, with every mail it received. */
    GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("this stack was started without withMailServer()");
        }
        return mail;
    }

    LocalStackConfig config() {
        return config;
    }

    String portalSecret() {
        return stack.portalSecret();
    }

    /** The portal as a subscriber's browser reaches it on a workspace's reminder host (plain HTTP here). */
    String portalUrl(String host) {
        return "http://" + host + ":" + config.portalUiPort();
    }

    /** Every port the stack listens on, each free when asked; the heap kept small for a 2-core CI machine. */
    static LocalStackConfig onFreePorts(Path data) throws IOException {
        return onFreePorts(data, "", "");
    }

    static LocalStackConfig onFreePorts(Path data, String dnsUpstream, String smtp) throws IOException {
        return new LocalStackConfig(
                Path.of(System.getProperty("reroute.home")).toAbsolutePath(),
                data,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                "320m",
                Duration.ofMinutes(4),
                dnsUpstream,
                smtp);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
