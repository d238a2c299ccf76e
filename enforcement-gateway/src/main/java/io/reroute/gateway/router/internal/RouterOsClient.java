package io.reroute.gateway.router.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A logged-in RouterOS API connection (the API protocol: sentences of length-prefixed words, answered
 * by {@code !re} rows and {@code !done}, or {@code !trap}). Blocking and for one caller at a time:
 * call it off the event loop. Every read waits at most the command timeout; a timeout or any I/O
 * error marks the connection broken.
 *
 * <p>Written by hand rather than on mikrotik-java 3.0.8, the newest release, which stalls on the
 * {@code !empty} reply of RouterOS 7.18 and later (a print that finds nothing), cannot tell a dead
 * connection from a live one, and garbles commands when two threads share a connection.
 */
final class RouterOsClient implements AutoCloseable {

    /** A router sends short words; anything longer is not a RouterOS API we can trust. */
    private static final int MAX_WORD = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean broken;

    private RouterOsClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Connects and logs in (the plain login of RouterOS 6.43 and later). API-SSL needs a certificate
     * on the router that this JVM trusts (without one RouterOS offers only anonymous ciphers, which
     * Java refuses).
     */
    static RouterOsClient open(
            String host,
            int port,
            boolean tls,
            String username,
            String password,
            Duration connectTimeout,
            Duration commandTimeout)
            throws RouterOsException {
        Socket socket = null;
        try {
            socket = (tls ? SSLSocketFactory.getDefault() : SocketFactory.getDefault()).createSocket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) commandTimeout.toMillis());
            var client = new RouterOsClient(socket);
            client.execute(List.of("/login", "=name=" + username, "=password=" + password));
            return client;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RouterOsException("cannot reach " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (RouterOsException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    boolean connected() {
        return !broken && !socket.isClosed();
    }

    /** The items of {@code path} whose properties equal {@code query}'s (all of them when empty). */
    List<Map<String, String>> print(String path, Map<String, String> query) throws RouterOsException {
        var words = new ArrayList<String>();
        words.add(path + "/print");
        query.forEach((key, value) -> words.add("?" + key + "=" + value));
        return execute(words).rows();
    }

    /** Adds an item; its new {@code .id}. */
    String add(String path, Map<String, String> properties) throws RouterOsException {
        return execute(command(path + "/add", properties)).ret();
    }

    void set(String path, String id, Map<String, String> properties) throws RouterOsException {
        var words = command(path + "/set", properties);
        words.add(1, "=.id=" + id);
        execute(words);
    }

    void remove(String path, String id) throws RouterOsException {
        execute(List.of(path + "/remove", "=.id=" + id));
    }

    /** Moves the item before {@code destination}, or to the end when it is null. */
    void move(String path, String id, String destination) throws RouterOsException {
        var words = new ArrayList<>(List.of(path + "/move", "=numbers=" + id));
        if (destination != null) {
            words.add("=destination=" + destination);
        }
        execute(words);
    }

    /** The router's identity and RouterOS version. */
    Map<String, String> describe() throws RouterOsException {
        var description = new LinkedHashMap<String, String>();
        description.put("identity", first(print("/system/identity", Map.of())).getOrDefault("name", ""));
        description.put("version", first(print("/system/resource", Map.of())).getOrDefault("version", ""));
        return description;
    }

    @Override
    public void close() {
        broken = true;
        closeQuietly(socket);
    }

    private record Reply(List<Map<String, String>> rows, String ret) {}

    /** Sends one command and reads its reply up to {@code !done}. */
    private Reply execute(List<String> words) throws RouterOsException {
        if (broken) {
            throw new RouterOsException("the connection is closed", true);
        }
        try {
            for (String word : words) {
                writeWord(word);
            }
            out.write(0);
            out.flush();
            var rows = new ArrayList<Map<String, String>>();
            String trap = null;
            while (true) {
                List<String> sentence = readSentence();
                Map<String, String> attributes = attributes(sentence);
                switch (sentence.getFirst()) {
                    case "!re" -> rows.add(attributes);
                    case "!trap" -> trap = attributes.getOrDefault("message", "refused");
                    case "!empty" -> {
                        // RouterOS 7.18+: the print found nothing; !done follows.
                    }
                    case "!done" -> {
                        if (trap != null) {
                            throw new RouterOsException(trap, false);
                        }
                        return new Reply(rows, attributes.get("ret"));
                    }
                    case "!fatal" -> throw new RouterOsException("the router ended the session: " + sentence, true);
                    default -> throw new RouterOsException("unexpected reply " + sentence.getFirst(), true);
                }
            }
        } catch (IOException e) {
            close();
            throw new RouterOsException("the connection failed: " + e.getMessage(), e);
        } catch (RouterOsException e) {
            if (e.broken()) {
                close();
            }
            throw e;
        }
    }

    private static ArrayList<String> command(String command, Map<String, String> properties) {
        var words = new ArrayList<String>();
        words.add(command);
        properties.forEach((key, value) -> words.add("=" + key + "=" + value));
        return words;
    }

    /** {@code =name=value} words as a map; the value may itself hold {@code =}. */
    private static Map<String, String> attributes(List<String> sentence) {
        var attributes = new LinkedHashMap<String, String>();
        for (String word : sentence.subList(1, sentence.size())) {
            int separator = word.indexOf('=', 1);
            if (word.startsWith("=") && separator > 0) {
                attributes.put(word.substring(1, separator), word.substring(separator + 1));
            }
        }
        return attributes;
    }

    private List<String> readSentence() throws IOException, RouterOsException {
        var words = new ArrayList<String>();
        while (true) {
            int length = readLength();
            if (length == 0) {
                if (words.isEmpty()) {
                    continue; // an empty sentence carries nothing
                }
                return words;
            }
            if (length > MAX_WORD) {
                throw new RouterOsException("a reply word of " + length + " bytes", true);
            }
            byte[] word = in.readNBytes(length);
            if (word.length < length) {
                throw new EOFException("the router closed the connection inside a word");
            }
            words.add(new String(word, UTF_8));
        }
    }

    /** The 1 to 5 byte length: the first byte's leading one bits count the bytes that follow. */
    private int readLength() throws IOException {
        int first = readByte();
        if ((first & 0x80) == 0) {
            return first;
        }
        int following = (first & 0xC0) == 0x80 ? 1 : (first & 0xE0) == 0xC0 ? 2 : (first & 0xF0) == 0xE0 ? 3 : 4;
        int length = following == 4 ? 0 : first & (0xFF >> (following + 1));
        for (int i = 0; i < following; i++) {
            length = (length << 8) | readByte();
        }
        return length;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the router closed the connection");
        }
        return b;
    }

    private void writeWord(String word) throws IOException {
        byte[] bytes = word.getBytes(UTF_8);
        int length = bytes.length;
        var prefix = new ByteArrayOutputStream(5);
        if (length < 0x80) {
            prefix.write(length);
        } else if (length < 0x4000) {
            prefix.write(0x80 | (length >> 8));
            prefix.write(length);
        } else if (length < 0x200000) {
            prefix.write(0xC0 | (length >> 16));
            prefix.write(length >> 8);
            prefix.write(length);
        } else if (length < 0x10000000) {
            prefix.write(0xE0 | (length >> 24));
            prefix.write(length >> 16);
            prefix.write(length >> 8);
            prefix.write(length);
        } else {
            prefix.write(0xF0);
            prefix.write(length >> 24);
            prefix.write(length >> 16);
            prefix.write(length >> 8);
            prefix.write(length);
        }
        prefix.writeTo(out);
        out.write(bytes);
    }

    private static Map<String, String> first(List<Map<String, String>> rows) {
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a broken connection: nothing left to do.
        }
    }
}
