package io.reroute.gateway.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * FreeRADIUS 3.2 ({@code /usr/sbin/freeradius}), the peer of {@code bench/radius}, configured to answer like the
 * gateway and in its best shape for a throughput test. A raddb of its own under the given directory, nothing read
 * from {@code /etc/freeradius} and nothing written under {@code /var}:
 *
 * <ul>
 *   <li>auth and accounting on two free ports of 127.0.0.1; one client, 127.0.0.1, which must send a
 *       Message-Authenticator in every Access-Request (the BlastRADIUS mitigation, as the gateway does);
 *   <li>only the modules the answers need: {@code files} (the users, with Cleartext-Password and the reply), {@code
 *       chap} and {@code pap} (PAP and CHAP logins), {@code detail} (accounting to one file, {@code radacct/detail});
 *   <li>each user's reply is the gateway's: Framed-IP-Address when there is one, Acct-Interim-Interval 300, Class and
 *       Mikrotik-Rate-Limit; a restricted user gets the restricted rate limit and Mikrotik-Address-List (the MikroTik
 *       dictionary comes with Debian's {@code /usr/share/freeradius/dictionary});
 *   <li>an Access-Reject carries only {@code Reply-Message}, like the gateway's, and goes out at once
 *       ({@code reject_delay = 0});
 *   <li>every response carries a Message-Authenticator, as the gateway's do: 3.2.1 has no setting for that (the
 *       BlastRADIUS settings came with 3.2.5), so the policy puts one in the reply and the server signs it;
 *   <li>no proxying, no Status-Server, no hostname lookups, no logging of logins; the log goes to standard output,
 *       which is {@link #log()};
 *   <li>{@code max_requests} large enough to hold every request answered in the last {@code cleanup_delay} (kept at
 *       5 s, for duplicate detection) at any rate a benchmark reaches, so the server never drops for lack of room;
 *   <li>a fixed pool of 4 worker threads, which did better on 2 cores than Debian's 5 growing to 32 (see the comment
 *       in the configuration).
 * </ul>
 */
final class FreeRadiusPeer implements AutoCloseable {

    private static final String REJECT_MESSAGE = "Wrong user name or password";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One user of the files module. restricted: accepted into the expired profile. */
    record User(
            String username,
            String password,
            boolean restricted,
            String framedIpv4,
            String rateLimit,
            String classValue) {}

    private final Process process;
    private final int authPort;
    private final int accountingPort;
    private final Path log;

    private FreeRadiusPeer(Process process, int authPort, int accountingPort, Path log) {
        this.process = process;
        this.authPort = authPort;
        this.accountingPort = accountingPort;
        this.log = log;
    }

    /** Writes the raddb into {@code dir}, starts the server and returns once it answers. */
    static FreeRadiusPeer start(
            Path dir, String secret, List<User> users, String restrictedAddressList, String restrictedRateLimit)
            throws Exception {
        // FreeRADIUS reads a secret's backslashes raw but a quote escaped; neither is worth the ambiguity here.
        if (secret.contains("'") || secret.contains("\\")) {
            throw new IllegalArgumentException("a secret with ' or \\ is not supported");
        }
        Path raddb = dir.toAbsolutePath();
        for (String sub : List.of("log", "run", "radacct")) {
            Files.createDirectories(raddb.resolve(sub));
        }
        int authPort;
        int accountingPort;
        // Both bound at once, so that they differ.
        try (var auth = new DatagramSocket(0, LOOPBACK);
                var accounting = new DatagramSocket(0, LOOPBACK)) {
            authPort = auth.getLocalPort();
            accountingPort = accounting.getLocalPort();
        }
        Files.writeString(raddb.resolve("radiusd.conf"), config(raddb, secret, authPort, accountingPort));
        writeUsers(raddb.resolve("users"), users, restrictedAddressList, restrictedRateLimit);

        Path log = raddb.resolve("log/radius.log");
        var process = new ProcessBuilder("/usr/sbin/freeradius", "-f", "-d", raddb.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var peer = new FreeRadiusPeer(process, authPort, accountingPort, log);
        try {
            peer.awaitAnswer(secret);
            return peer;
        } catch (Exception e) {
            peer.close();
            throw e;
        }
    }

    int authPort() {
        return authPort;
    }

    int accountingPort() {
        return accountingPort;
    }

    /** What {@code freeradius -v} says first, such as "radiusd: FreeRADIUS Version 3.2.1, ...". */
    String version() throws IOException, InterruptedException {
        var v = new ProcessBuilder("/usr/sbin/freeradius", "-v")
                .redirectErrorStream(true)
                .start();
        String first = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("");
        v.waitFor();
        return first.replaceFirst("^radiusd: ", "").replaceFirst(",.*", "");
    }

    /** The server process, for its CPU time. */
    ProcessHandle process() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String config(Path dir, String secret, int authPort, int accountingPort) {
        return """
                # The built-in defaults refer to prefix and localstatedir; this keeps them out of /var.
                prefix = /usr
                localstatedir = %1$s
                confdir = %1$s
                logdir = ${confdir}/log
                run_dir = ${confdir}/run
                radacctdir = ${confdir}/radacct
                pidfile = ${run_dir}/radiusd.pid
                max_requests = 1048576
                hostname_lookups = no
                proxy_requests = no

                log {
                    destination = stdout
                    auth = no
                }

                security {
                    reject_delay = 0
                    status_server = no
                }

                # A fixed pool of 4 instead of Debian's 5 growing to 32 under load: on 2 cores the extra threads
                # only contend. Measured here under a saturating load: about a quarter more Access-Requests and a
                # tenth more Accounting-Requests answered per second, with a fifth less CPU each. 4 rather than 2:
                # accounting, whose detail writes block, did better with 4.
                thread pool {
                    start_servers = 4
                    max_servers = 4
                    min_spare_servers = 1
                    max_spare_servers = 4
                    max_requests_per_server = 0
                }

                client localhost {
                    ipaddr = 127.0.0.1
                    secret = %2$s
                    require_message_authenticator = yes
                }

                modules {
                    files {
                        filename = ${confdir}/users
                    }
                    pap {
                    }
                    chap {
                    }
                    detail {
                        filename = ${radacctdir}/detail
                    }
                }

                server default {
                    listen {
                        type = auth
                        ipaddr = 127.0.0.1
                        port = %3$d
                    }
                    listen {
                        type = acct
                        ipaddr = 127.0.0.1
                        port = %4$d
                    }
                    authorize {
                        files
                        chap
                        pap
                    }
                    authenticate {
                        Auth-Type PAP {
                            pap
                        }
                        Auth-Type CHAP {
                            chap
                        }
                    }
                    post-auth {
                        update reply {
                            Message-Authenticator := 0x00
                        }
                        Post-Auth-Type REJECT {
                            # files put the user's reply in place before the password was checked
                            update {
                                &reply: !* ANY
                            }
                            update reply {
                                Reply-Message := %5$s
                                Message-Authenticator := 0x00
                            }
                        }
                    }
                    accounting {
                        detail
                        update reply {
                            Message-Authenticator := 0x00
                        }
                    }
                }
                """.formatted(quote(dir.toString()), quote(secret), authPort, accountingPort, quote(REJECT_MESSAGE));
    }

    private static void writeUsers(
            Path file, List<User> users, String restrictedAddressList, String restrictedRateLimit) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (User user : users) {
                out.write(quote(user.username()) + " Cleartext-Password := " + quote(user.password()) + "\n");
                if (user.framedIpv4() != null) {
                    out.write("\tFramed-IP-Address = " + user.framedIpv4() + ",\n");
                }
                out.write("\tAcct-Interim-Interval = 300,\n");
                out.write("\tClass = " + quote(user.classValue()) + ",\n");
                if (user.restricted()) {
                    out.write("\tMikrotik-Rate-Limit = " + quote(restrictedRateLimit) + ",\n");
                    out.write("\tMikrotik-Address-List = " + quote(restrictedAddressList) + "\n");
                } else {
                    out.write("\tMikrotik-Rate-Limit = " + quote(user.rateLimit()) + "\n");
                }
            }
        }
    }

    /** Single quotes: taken literally, where a double-quoted value with % would be expanded. */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Sends an Access-Request (User-Name and Message-Authenticator, so a reject) until one is answered. The server
     * binds its ports only once it has read the users.
     */
    private void awaitAnswer(String secret) throws IOException, GeneralSecurityException {
        byte[] request = probe(secret);
        byte[] answer = new byte[4096];
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (var socket = new DatagramSocket(0, LOOPBACK)) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("freeradius exited with " + process.exitValue() + tail());
                }
                socket.send(new DatagramPacket(request, request.length, LOOPBACK, authPort));
                try {
                    socket.receive(new DatagramPacket(answer, answer.length));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // still reading its configuration
                }
            }
        }
        throw new IllegalStateException(
                "freeradius did not answer on port " + authPort + " in " + STARTUP.toSeconds() + " s" + tail());
    }

    /** RFC 2865 §3 and RFC 3579 §3.2: HMAC-MD5 with the secret over the packet, Message-Authenticator zeroed. */
    private static byte[] probe(String secret) throws GeneralSecurityException {
        byte[] name = "probe".getBytes(StandardCharsets.US_ASCII);
        byte[] packet = new byte[20 + 2 + name.length + 18];
        packet[0] = 1; // Access-Request
        packet[2] = (byte) (packet.length >> 8);
        packet[3] = (byte) packet.length;
        byte[] authenticator = new byte[16];
        new SecureRandom().nextBytes(authenticator);
        System.arraycopy(authenticator, 0, packet, 4, 16);
        packet[20] = 1; // User-Name
        packet[21] = (byte) (2 + name.length);
        System.arraycopy(name, 0, packet, 22, name.length);
        int messageAuthenticator = 22 + name.length;
        packet[messageAuthenticator] = 80;
        packet[messageAuthenticator + 1] = 18;
        var mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        System.arraycopy(mac.doFinal(packet), 0, packet, messageAuthenticator + 2, 16);
        return packet;
    }

    private String tail() throws IOException {
        var lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return "; the end of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
