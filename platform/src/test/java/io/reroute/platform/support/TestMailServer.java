package io.reroute.platform.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) for the test JVM, on a port chosen once; tests may stop it to
 * see the platform retry and start it again on the same port.
 */
public final class TestMailServer {

    private static GreenMail server;
    private static int port;

    private TestMailServer() {}

    public static synchronized int port() {
        if (server == null) {
            start(ServerSetupTest.SMTP.dynamicPort());
            port = server.getSmtp().getPort();
        }
        return port;
    }

    public static synchronized void stop() {
        port();
        server.stop();
    }

    public static synchronized void restart() {
        port();
        server.stop();
        start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Every mail received for {@code recipient} so far. */
    public static synchronized List<MimeMessage> receivedBy(String recipient) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static void start(ServerSetup setup) {
        server = new GreenMail(setup);
        server.start();
    }
}
