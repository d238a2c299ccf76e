package io.reroute.gateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * The RADIUS load generator of bench/radius: a bounded window of requests in flight on each of
 * several UDP sockets, every request fresh (a random Request Authenticator and Message-Authenticator
 * on each Access-Request, so no server can answer from a duplicate cache), every response checked:
 * identifier, Response Authenticator, Message-Authenticator when present, the code expected for the
 * user (accept, reject for a wrong password) and, on an accept, the user's Class and, for a
 * restricted user, the MikroTik address list. Requests rotate through the whole population; Access
 * mixes PAP and CHAP and sends one wrong password in fifty; Accounting gives each user a session
 * that lives ten passes: Start, eight Interim-Updates (past 4 GiB, so with Gigawords), Stop.
 */
final class RadiusLoad {

    enum Kind {
        ACCESS,
        ACCOUNTING
    }

    /**
     * One run's figures. Latencies in nanoseconds, of the responses received inside the window;
     * {@code wrong} counts responses that failed a check, {@code lost} requests never answered.
     */
    record Result(
            long answered,
            long wrong,
            long lost,
            long withMessageAuthenticator,
            Histogram latencies,
            Duration elapsed,
            Duration clientCpu,
            Duration serverCpu) {

        double perSecond() {
            return answered / seconds();
        }

        double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        double millis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }

        /** Little's law: how many requests were in flight on average, against the window offered. */
        double meanInFlight() {
            return perSecond() * latencies.getMean() / 1e9;
        }

        double serverMicrosPerRequest() {
            return serverCpu.toNanos() / 1000.0 / Math.max(1, answered);
        }

        double clientMicrosPerRequest() {
            return clientCpu.toNanos() / 1000.0 / Math.max(1, answered);
        }

        /** Cores busy on average over the run. */
        double serverCores() {
            return serverCpu.toNanos() / (double) elapsed.toNanos();
        }

        double clientCores() {
            return clientCpu.toNanos() / (double) elapsed.toNanos();
        }
    }

    private static final int ACCESS_REQUEST = 1;
    private static final int ACCESS_ACCEPT = 2;
    private static final int ACCESS_REJECT = 3;
    private static final int ACCOUNTING_REQUEST = 4;
    private static final int ACCOUNTING_RESPONSE = 5;
    private static final int MESSAGE_AUTHENTICATOR = 80;
    private static final int VENDOR_SPECIFIC = 26;
    private static final int MIKROTIK = 14988;
    private static final int MIKROTIK_ADDRESS_LIST = 19;
    private static final int CLASS = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final BenchPopulation population;
    private final String secret;
    private final int threads;
    private final int socketsPerThread;
    private final int window;

    /**
     * @param window requests in flight per socket, at most 256 (the identifier space)
     */
    RadiusLoad(BenchPopulation population, String secret, int threads, int socketsPerThread, int window) {
        if (window < 1 || window > 256) {
            throw new IllegalArgumentException("window must be 1 to 256 per socket");
        }
        this.population = population;
        this.secret = secret;
        this.threads = threads;
        this.socketsPerThread = socketsPerThread;
        this.window = window;
    }

    int requestsInFlight() {
        return threads * socketsPerThread * window;
    }

    /**
     * Sends {@code kind} requests to 127.0.0.1:{@code port} for {@code duration}: as fast as the
     * windows allow when {@code perSecond} is 0, else at that rate. {@code servers} are the
     * processes whose CPU time counts as the server's.
     */
    Result run(Kind kind, int port, Duration duration, int perSecond, List<ProcessHandle> servers) throws Exception {
        var workers = new ArrayList<Worker>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(kind, port, t, duration, perSecond / (double) threads));
        }
        Duration clientBefore = cpu(ProcessHandle.current());
        Duration serverBefore = cpu(servers);
        long started = System.nanoTime();
        var running = workers.stream()
                .map(w -> Thread.ofPlatform().name("radius-load-" + w.index).start(w))
                .toList();
        for (Thread thread : running) {
            thread.join();
        }
        // CPU over the measured window only: workers stop sending at its end, then wait for stragglers.
        Duration elapsed = workers.stream()
                .map(w -> Duration.ofNanos(w.windowEnd - started))
                .max(Duration::compareTo)
                .orElseThrow();
        Duration serverCpu = cpu(servers).minus(serverBefore);
        Duration clientCpu = cpu(ProcessHandle.current()).minus(clientBefore);
        var latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long answered = 0;
        long wrong = 0;
        long lost = 0;
        long signed = 0;
        for (Worker w : workers) {
            if (w.failure != null) {
                throw w.failure;
            }
            latencies.add(w.latencies);
            answered += w.answered;
            wrong += w.wrong;
            lost += w.lost;
            signed += w.signed;
        }
        return new Result(answered, wrong, lost, signed, latencies, elapsed, clientCpu, serverCpu);
    }

    private static Duration cpu(ProcessHandle process) {
        if (process.equals(ProcessHandle.current())) {
            // Exact for this JVM, where ProcessHandle.Info rounds to clock ticks.
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return Duration.ofNanos(os.getProcessCpuTime());
        }
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Duration cpu(List<ProcessHandle> processes) {
        return processes.stream().map(RadiusLoad::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    /** A request in flight: which user, what answer it expects, when it left, its authenticator. */
    private static final class Slot {
        final byte[] authenticator = new byte[16];
        long sentAt;
        int user;
        int expectedCode;
        boolean inUse;
    }

    /** One thread driving its sockets through one selector; ids are per socket. */
    private final class Worker implements Runnable {

        final Kind kind;
        final int port;
        final int index;
        final Duration duration;
        final double perSecond;
        final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final MessageDigest md5;
        final Mac hmac;
        final byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer out = ByteBuffer.allocateDirect(4096);
        final ByteBuffer in = ByteBuffer.allocateDirect(4096);
        final byte[] packet = new byte[4096];
        long answered;
        long wrong;
        long lost;
        long signed;
        long sequence;
        long windowEnd;
        volatile Exception failure;

        Worker(Kind kind, int port, int index, Duration duration, double perSecond) throws GeneralSecurityException {
            this.kind = kind;
            this.port = port;
            this.index = index;
            this.duration = duration;
            this.perSecond = perSecond;
            this.md5 = MessageDigest.getInstance("MD5");
            this.hmac = Mac.getInstance("HmacMD5");
            this.hmac.init(new SecretKeySpec(secretBytes, "HmacMD5"));
        }

        @Override
        public void run() {
            try (var selector = Selector.open()) {
                var channels = new DatagramChannel[socketsPerThread];
                var slots = new Slot[socketsPerThread][256];
                var free = new int[socketsPerThread][256];
                var freeCount = new int[socketsPerThread];
                for (int s = 0; s < socketsPerThread; s++) {
                    channels[s] = DatagramChannel.open()
                            .setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20)
                            .bind(new InetSocketAddress("127.0.0.1", 0))
                            .connect(new InetSocketAddress("127.0.0.1", port));
                    channels[s].configureBlocking(false);
                    channels[s].register(selector, SelectionKey.OP_READ, s);
                    for (int id = 0; id < 256; id++) {
                        slots[s][id] = new Slot();
                    }
                    for (int id = 0; id < window; id++) {
                        free[s][freeCount[s]++] = window - 1 - id;
                    }
                }
                long start = System.nanoTime();
                long end = start + duration.toNanos();
                long nextExpiry = start + TimeUnit.MILLISECONDS.toNanos(50);
                long sent = 0;
                int inFlight = 0;
                while (true) {
                    long now = System.nanoTime();
                    boolean sending = now < end;
                    if (!sending && windowEnd == 0) {
                        windowEnd = now;
                    }
                    if (!sending && inFlight == 0) {
                        break;
                    }
                    if (sending) {
                        long due = perSecond > 0 ? (long) ((now - start) / 1e9 * perSecond) + 1 : Long.MAX_VALUE;
                        for (int s = 0; s < socketsPerThread && sent < due; s++) {
                            while (freeCount[s] > 0 && sent < due) {
                                int id = free[s][--freeCount[s]];
                                send(channels[s], slots[s][id], id);
                                sent++;
                                inFlight++;
                            }
                        }
                    }
                    selector.select(perSecond > 0 || !sending ? 1 : 50);
                    long received = System.nanoTime();
                    for (var key : selector.selectedKeys()) {
                        int s = (Integer) key.attachment();
                        var channel = (DatagramChannel) key.channel();
                        while (true) {
                            in.clear();
                            if (channel.receive(in) == null) {
                                break;
                            }
                            in.flip();
                            int length = in.remaining();
                            in.get(packet, 0, length);
                            int id = length >= 20 ? packet[1] & 0xff : -1;
                            if (id < 0 || !slots[s][id].inUse) {
                                wrong++; // an answer to nothing in flight (late, after its timeout)
                                continue;
                            }
                            var slot = slots[s][id];
                            slot.inUse = false;
                            free[s][freeCount[s]++] = id;
                            inFlight--;
                            if (!verify(slot, length)) {
                                wrong++;
                            }
                            if (slot.sentAt < end && received <= end) {
                                answered++;
                                latencies.recordValue(
                                        Math.min(received - slot.sentAt, latencies.getHighestTrackableValue()));
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                    if (received >= nextExpiry) {
                        nextExpiry = received + TimeUnit.MILLISECONDS.toNanos(50);
                        for (int s = 0; s < socketsPerThread; s++) {
                            for (int id = 0; id < 256; id++) {
                                var slot = slots[s][id];
                                if (slot.inUse && received - slot.sentAt > TIMEOUT.toNanos()) {
                                    slot.inUse = false;
                                    free[s][freeCount[s]++] = id;
                                    inFlight--;
                                    lost++;
                                }
                            }
                        }
                    }
                }
                for (var channel : channels) {
                    channel.close();
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private void send(DatagramChannel channel, Slot slot, int id) throws IOException {
            long n = sequence++ * threads + index;
            int user = population.userAt(n);
            int length = kind == Kind.ACCESS ? access(slot, id, user, n) : accounting(slot, id, user, n);
            slot.user = user;
            slot.inUse = true;
            out.clear();
            out.put(packet, 0, length).flip();
            slot.sentAt = System.nanoTime();
            channel.write(out);
        }

        /** A PAP or CHAP Access-Request with Message-Authenticator first; one in fifty with a wrong password. */
        private int access(Slot slot, int id, int user, long n) {
            boolean wrongPassword = n % 50 == 49;
            boolean chap = (n / 50) % 2 == 0;
            ThreadLocalRandom.current().nextBytes(slot.authenticator);
            slot.expectedCode = wrongPassword ? ACCESS_REJECT : ACCESS_ACCEPT;
            byte[] password =
                    (wrongPassword ? "wrong-password" : population.password(user)).getBytes(StandardCharsets.UTF_8);
            int at = header(ACCESS_REQUEST, id, slot.authenticator);
            int messageAuthenticator = at;
            at = attribute(at, MESSAGE_AUTHENTICATOR, new byte[16]);
            at = attribute(at, 1, population.usernameBytes(user));
            if (chap) {
                byte chapId = (byte) n;
                md5.update(chapId);
                md5.update(password);
                md5.update(slot.authenticator);
                byte[] response = new byte[17];
                response[0] = chapId;
                System.arraycopy(md5.digest(), 0, response, 1, 16);
                at = attribute(at, 3, response);
            } else {
                at = attribute(at, 2, hidePassword(password, slot.authenticator));
            }
            at = common(at, user);
            at = integer(at, 6, 2); // Service-Type Framed
            at = integer(at, 7, 1); // Framed-Protocol PPP
            at = attribute(at, 44, sessionId(user, n / population.size()));
            setLength(at);
            hmac.update(packet, 0, at);
            try {
                hmac.doFinal(packet, messageAuthenticator + 2);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            return at;
        }

        /**
         * Pass p over the population sends user u's Start (p % 10 == 0), Interim-Update or Stop (p %
         * 10 == 9) of session p / 10; the Request Authenticator is the RFC 2866 hash.
         */
        private int accounting(Slot slot, int id, int user, long n) {
            long pass = n / population.size();
            int step = (int) (pass % 10);
            int status = step == 0 ? 1 : step == 9 ? 2 : 3;
            slot.expectedCode = ACCOUNTING_RESPONSE;
            int at = header(ACCOUNTING_REQUEST, id, new byte[16]);
            at = integer(at, 40, status);
            at = attribute(at, 44, sessionId(user, pass / 10));
            at = attribute(at, 1, population.usernameBytes(user));
            at = common(at, user);
            at = attribute(at, 8, population.sessionAddress(user));
            at = attribute(at, CLASS, population.classValueBytes(user));
            long seconds = step * 300L;
            long input = step * (5L << 30) / 9 + user;
            long output = step * (1L << 29) / 9 + user;
            at = integer(at, 46, seconds);
            at = integer(at, 42, input & 0xffffffffL);
            at = integer(at, 52, input >>> 32);
            at = integer(at, 43, output & 0xffffffffL);
            at = integer(at, 53, output >>> 32);
            at = integer(at, 47, step * 400_000L);
            at = integer(at, 48, step * 100_000L);
            at = integer(at, 41, 0); // Acct-Delay-Time
            at = integer(at, 55, System.currentTimeMillis() / 1000); // Event-Timestamp
            if (status == 2) {
                at = integer(at, 49, 1); // Acct-Terminate-Cause User-Request
            }
            setLength(at);
            md5.update(packet, 0, at);
            md5.update(secretBytes);
            byte[] authenticator = md5.digest();
            System.arraycopy(authenticator, 0, packet, 4, 16);
            System.arraycopy(authenticator, 0, slot.authenticator, 0, 16);
            return at;
        }

        /** What a MikroTik PPPoE server sends about itself and the caller. */
        private int common(int at, int user) {
            at = attribute(at, 4, new byte[] {127, 0, 0, 1}); // NAS-IP-Address
            at = attribute(at, 32, "bench-nas".getBytes(StandardCharsets.UTF_8)); // NAS-Identifier
            at = integer(at, 5, 15728640 + user % 4096); // NAS-Port
            at = integer(at, 61, 15); // NAS-Port-Type Ethernet
            at = attribute(at, 87, "ether2".getBytes(StandardCharsets.UTF_8)); // NAS-Port-Id
            at = attribute(at, 30, "pppoe-service".getBytes(StandardCharsets.UTF_8)); // Called-Station-Id
            return attribute(at, 31, population.callingStation(user));
        }

        private byte[] sessionId(int user, long round) {
            return Long.toHexString((round << 20) | user).getBytes(StandardCharsets.UTF_8);
        }

        private int header(int code, int id, byte[] authenticator) {
            packet[0] = (byte) code;
            packet[1] = (byte) id;
            System.arraycopy(authenticator, 0, packet, 4, 16);
            return 20;
        }

        private void setLength(int length) {
            packet[2] = (byte) (length >>> 8);
            packet[3] = (byte) length;
        }

        private int attribute(int at, int type, byte[] value) {
            packet[at] = (byte) type;
            packet[at + 1] = (byte) (value.length + 2);
            System.arraycopy(value, 0, packet, at + 2, value.length);
            return at + 2 + value.length;
        }

        private int integer(int at, int type, long value) {
            packet[at] = (byte) type;
            packet[at + 1] = 6;
            packet[at + 2] = (byte) (value >>> 24);
            packet[at + 3] = (byte) (value >>> 16);
            packet[at + 4] = (byte) (value >>> 8);
            packet[at + 5] = (byte) value;
            return at + 6;
        }

        /** RFC 2865 §5.2: the password padded to 16 octets, XORed with MD5(secret + authenticator). */
        private byte[] hidePassword(byte[] password, byte[] authenticator) {
            if (password.length > 16) {
                throw new IllegalArgumentException("bench passwords fit one block");
            }
            md5.update(secretBytes);
            md5.update(authenticator);
            byte[] hidden = md5.digest();
            for (int i = 0; i < password.length; i++) {
                hidden[i] ^= password[i];
            }
            return hidden;
        }

        /**
         * RFC 2865 §3 Response Authenticator, RFC 3579 §3.2 Message-Authenticator when present (over
         * the request's authenticator, or zeros for an Accounting-Response as FreeRADIUS does), the
         * code expected, and for an accept the user's Class and, if restricted, their address list.
         */
        private boolean verify(Slot slot, int length) {
            int declared = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
            if (declared < 20 || declared > length || (packet[0] & 0xff) != slot.expectedCode) {
                return false;
            }
            byte[] responseAuthenticator = new byte[16];
            System.arraycopy(packet, 4, responseAuthenticator, 0, 16);
            md5.update(packet, 0, 4);
            md5.update(slot.authenticator);
            md5.update(packet, 20, declared - 20);
            md5.update(secretBytes);
            if (!MessageDigest.isEqual(md5.digest(), responseAuthenticator)) {
                return false;
            }
            int messageAuthenticator = -1;
            String classValue = null;
            boolean addressList = false;
            for (int at = 20; at + 2 <= declared; ) {
                int type = packet[at] & 0xff;
                int size = packet[at + 1] & 0xff;
                if (size < 2 || at + size > declared) {
                    return false;
                }
                if (type == MESSAGE_AUTHENTICATOR && size == 18) {
                    messageAuthenticator = at + 2;
                } else if (type == CLASS) {
                    classValue = new String(packet, at + 2, size - 2, StandardCharsets.UTF_8);
                } else if (type == VENDOR_SPECIFIC && size > 8) {
                    int vendor = ((packet[at + 2] & 0xff) << 24)
                            | ((packet[at + 3] & 0xff) << 16)
                            | ((packet[at + 4] & 0xff) << 8)
                            | (packet[at + 5] & 0xff);
                    for (int sub = at + 6; sub + 2 <= at + size; sub += Math.max(2, packet[sub + 1] & 0xff)) {
                        addressList |= vendor == MIKROTIK && (packet[sub] & 0xff) == MIKROTIK_ADDRESS_LIST;
                    }
                }
                at += size;
            }
            if (messageAuthenticator >= 0) {
                byte[] received = new byte[16];
                System.arraycopy(packet, messageAuthenticator, received, 0, 16);
                System.arraycopy(
                        slot.expectedCode == ACCOUNTING_RESPONSE ? new byte[16] : slot.authenticator, 0, packet, 4, 16);
                java.util.Arrays.fill(packet, messageAuthenticator, messageAuthenticator + 16, (byte) 0);
                if (!MessageDigest.isEqual(hmac.doFinal(java.util.Arrays.copyOf(packet, declared)), received)) {
                    return false;
                }
                signed++;
            }
            if (slot.expectedCode == ACCESS_ACCEPT) {
                return population.classValue(slot.user).equals(classValue)
                        && addressList == population.restricted(slot.user);
            }
            return true;
        }
    }
}
