package io.reroute.gateway.router.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;

/**
 * A logged-in RouterOS API connection: mikrotik-java underneath, which blocks, so call it off the
 * event loop and one caller at a time. Paths are API menus ({@code /ip/firewall/nat}); items come
 * back as their printed properties with {@code .id}.
 */
final class RouterOsClient implements AutoCloseable {

    private final ApiConnection connection;

    private RouterOsClient(ApiConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects and logs in. API-SSL needs a certificate on the router that this JVM trusts (RouterOS
     * without one offers only anonymous ciphers, which Java refuses).
     */
    static RouterOsClient open(
            String host,
            int port,
            boolean tls,
            String username,
            String password,
            Duration connectTimeout,
            Duration commandTimeout)
            throws MikrotikApiException {
        SocketFactory sockets = new NoDelaySockets(tls ? SSLSocketFactory.getDefault() : SocketFactory.getDefault());
        ApiConnection connection = ApiConnection.connect(sockets, host, port, (int) connectTimeout.toMillis());
        try {
            connection.setTimeout((int) commandTimeout.toMillis());
            connection.login(username, password);
            return new RouterOsClient(connection);
        } catch (MikrotikApiException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    boolean connected() {
        return connection.isConnected();
    }

    /** The items of {@code path} whose properties equal {@code query}'s (all of them when empty). */
    List<Map<String, String>> print(String path, Map<String, String> query) throws MikrotikApiException {
        String where = query.isEmpty()
                ? ""
                : " where "
                        + query.entrySet().stream()
                                .map(e -> e.getKey() + "=" + quote(e.getValue()))
                                .collect(Collectors.joining(" and "));
        return connection.execute(path + "/print" + where);
    }

    /** Adds an item; its new {@code .id}. */
    String add(String path, Map<String, String> properties) throws MikrotikApiException {
        var reply = connection.execute(path + "/add" + words(properties));
        return reply.isEmpty() ? null : reply.getFirst().get("ret");
    }

    void set(String path, String id, Map<String, String> properties) throws MikrotikApiException {
        connection.execute(path + "/set .id=" + quote(id) + words(properties));
    }

    void remove(String path, String id) throws MikrotikApiException {
        connection.execute(path + "/remove .id=" + quote(id));
    }

    /** Moves the item before {@code destination}, or to the end when it is null. */
    void move(String path, String id, String destination) throws MikrotikApiException {
        connection.execute(path + "/move numbers=" + quote(id)
                + (destination == null ? "" : " destination=" + quote(destination)));
    }

    /** The router's identity and RouterOS version. */
    Map<String, String> describe() throws MikrotikApiException {
        String identity = first(connection.execute("/system/identity/print")).getOrDefault("name", "");
        String version = first(connection.execute("/system/resource/print")).getOrDefault("version", "");
        var description = new LinkedHashMap<String, String>();
        description.put("identity", identity);
        description.put("version", version);
        return description;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static Map<String, String> first(List<Map<String, String>> reply) {
        return reply.isEmpty() ? Map.of() : reply.getFirst();
    }

    private static String words(Map<String, String> properties) {
        var words = new StringBuilder();
        properties.forEach(
                (key, value) -> words.append(' ').append(key).append('=').append(quote(value)));
        return words.toString();
    }

    /**
     * mikrotik-java's command parser ends an unquoted value at white space and at {@code = < > ! )},
     * and knows no escapes: a value is put in double quotes, or single ones when it holds a double
     * quote. Values holding both cannot be sent and are refused.
     */
    static String quote(String value) {
        if (value.indexOf('"') < 0) {
            return '"' + value + '"';
        }
        if (value.indexOf('\'') < 0) {
            return '\'' + value + '\'';
        }
        throw new IllegalArgumentException("a RouterOS API value cannot hold both kinds of quotes");
    }

    /**
     * mikrotik-java writes each word of a command on its own: with Nagle's algorithm on, every
     * command waits for delayed ACKs (about 40 ms on loopback instead of under one).
     */
    private static final class NoDelaySockets extends SocketFactory {

        private final SocketFactory sockets;

        NoDelaySockets(SocketFactory sockets) {
            this.sockets = sockets;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(sockets.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(sockets.createSocket(address, port, local, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    private static void closeQuietly(ApiConnection connection) {
        try {
            connection.close();
        } catch (MikrotikApiException | RuntimeException e) {
            // Closing a broken connection: nothing left to do.
        }
    }
}
