package io.reroute.gateway.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MikroTik router's API service (RouterOS 7.16, plain TCP: port 8728 in production) inside the
 * test JVM, speaking the real wire protocol, so the gateway's RouterOS client (mikrotik-java) is
 * tested end to end without a router.
 *
 * <p>Configuration menus such as {@code /ip/firewall/address-list} are ordered in-memory lists of
 * items, each with an {@code .id} ({@code *1}, {@code *2}, ... unique on this router). Their
 * {@code print} (with {@code ?} queries and {@code .proplist}), {@code add}, {@code set},
 * {@code remove} and {@code move} answer as RouterOS does: rows as {@code !re}, the new id as
 * {@code =ret=} on {@code !done}, refusals as {@code !trap} followed by {@code !done}. Items seeded
 * with {@code dynamic=true} stand for what RADIUS gave the router, which the API cannot change.
 * Tests read the items and the commands received, count connections, and can take the router
 * offline.
 */
public final class TestRouterOs implements AutoCloseable {

    /** Menus every router has; {@link #seed} adds any other. */
    private static final List<String> MENUS = List.of(
            "/ip/firewall/address-list", "/ip/firewall/filter", "/ip/firewall/nat", "/ppp/profile", "/ppp/active");

    private static final Map<String, String> RESOURCE =
            Map.of("version", "7.16.2 (stable)", "board-name", "CHR", "uptime", "1d2h");

    /** A longer length prefix is garbage rather than a word: refuse it instead of allocating it. */
    private static final int MAX_WORD = 1 << 20;

    private final String username;
    private final String password;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, List<Map<String, String>>> menus = new HashMap<>(); // guarded by this
    private final List<String> commands = new ArrayList<>(); // guarded by this
    private int lastId; // guarded by this
    private volatile boolean offline;
    private volatile String identity = "MikroTik";
    private volatile boolean emptyReplies;

    private TestRouterOs(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        MENUS.forEach(menu -> menus.put(menu, new ArrayList<>()));
    }

    /** A router on 127.0.0.1 and a free port, accepting the API login {@code username}/{@code password}. */
    public static TestRouterOs start(String username, String password) throws IOException {
        var router = new TestRouterOs(username, password);
        Thread.ofPlatform().daemon().name("test-routeros-accept").start(router::accept);
        return router;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Adds {@code item} at the end of the menu at {@code path} (creating the menu); returns its new id. */
    public synchronized String seed(String path, Map<String, String> item) {
        var created = newItem(item);
        menus.computeIfAbsent(path, p -> new ArrayList<>()).add(created);
        return created.get(".id");
    }

    /** The menu's items in order, as copies. */
    public synchronized List<Map<String, String>> items(String path) {
        return menus.getOrDefault(path, List.of()).stream()
                .map(item -> Collections.unmodifiableMap(new LinkedHashMap<>(item)))
                .toList();
    }

    /** Every command received, such as {@code /login} or {@code /ip/firewall/address-list/add}, in order. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    public synchronized void clearCommands() {
        commands.clear();
    }

    /** TCP connections accepted so far, including those refused while offline. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    public int openConnections() {
        return open.size();
    }

    /** While offline, open sessions are cut and new connections are closed as soon as accepted. */
    public void offline(boolean offline) {
        this.offline = offline;
        if (offline) {
            open.forEach(this::drop);
        }
    }

    /** Whether a print that finds nothing answers {@code !empty} before {@code !done}, as RouterOS 7.18 and later do. */
    public void emptyReplies(boolean emptyReplies) {
        this.emptyReplies = emptyReplies;
    }

    /** The name {@code /system/identity/print} answers. */
    public void identity(String name) {
        this.identity = name;
    }

    @Override
    public void close() throws IOException {
        offline = true; // a connection accepted while closing is dropped rather than served
        server.close();
        open.forEach(this::drop);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.incrementAndGet();
            // Registered before the offline check, so offline() either sees this socket or is seen here.
            open.add(socket);
            if (offline) {
                drop(socket);
            } else {
                Thread.ofPlatform().daemon().name("test-routeros-session").start(() -> new Session().serve(socket));
            }
        }
    }

    private void drop(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // Nothing left to close.
        }
    }

    private synchronized void record(String command) {
        commands.add(command);
    }

    private synchronized Map<String, String> newItem(Map<String, String> properties) {
        var item = new LinkedHashMap<String, String>();
        item.put(".id", "*" + Integer.toHexString(++lastId).toUpperCase(Locale.ROOT));
        properties.forEach(item::putIfAbsent); // an .id among the properties does not replace the new one
        return item;
    }

    /** Runs a {@code <menu>/<verb>} command; the rows it returns are copies, written after the lock is let go. */
    private synchronized Result menuCommand(Request request) throws Trap {
        String path = request.path();
        int slash = path.lastIndexOf('/');
        var items = menus.get(path.substring(0, Math.max(slash, 0)));
        if (items == null) {
            throw new Trap("no such command prefix");
        }
        var attributes = new LinkedHashMap<>(request.attributes());
        return switch (path.substring(slash + 1)) {
            case "print" -> print(items, attributes.get(".proplist"), request.queries());
            case "add" -> add(items, attributes);
            case "set" -> set(items, attributes);
            case "remove" -> remove(items, attributes);
            case "move" -> move(items, attributes);
            default -> throw new Trap("no such command");
        };
    }

    private static Result print(List<Map<String, String>> items, String proplist, List<String> queries) throws Trap {
        var rows = new ArrayList<Map<String, String>>();
        for (var item : items) {
            if (matches(item, queries)) {
                rows.add(select(item, proplist));
            }
        }
        return new Result(rows, null);
    }

    private Result add(List<Map<String, String>> items, Map<String, String> attributes) throws Trap {
        String before = attributes.remove("place-before");
        int at = before == null ? items.size() : items.indexOf(find(items, before));
        var item = newItem(attributes);
        items.add(at, item);
        return new Result(List.of(), item.get(".id"));
    }

    private static Result set(List<Map<String, String>> items, Map<String, String> attributes) throws Trap {
        targets(items, attributes, "change").forEach(item -> item.putAll(attributes));
        return Result.NONE;
    }

    private static Result remove(List<Map<String, String>> items, Map<String, String> attributes) throws Trap {
        items.removeAll(targets(items, attributes, "remove"));
        return Result.NONE;
    }

    /** Moves the items before {@code destination}, or to the end without one, keeping their order. */
    private static Result move(List<Map<String, String>> items, Map<String, String> attributes) throws Trap {
        var moving = targets(items, attributes, "move");
        String destination = attributes.get("destination");
        var before = destination == null ? null : find(items, destination);
        if (moving.contains(before)) {
            return Result.NONE; // moving an item before itself leaves the order as it is
        }
        items.removeAll(moving);
        items.addAll(before == null ? items.size() : items.indexOf(before), moving);
        return Result.NONE;
    }

    /**
     * The items named by {@code .id} or {@code numbers} (comma-separated), which both leave the
     * attributes; refused if one of them came from RADIUS rather than the API.
     */
    private static List<Map<String, String>> targets(
            List<Map<String, String>> items, Map<String, String> attributes, String verb) throws Trap {
        String id = attributes.remove(".id");
        String numbers = attributes.remove("numbers");
        String ids = id != null ? id : numbers;
        if (ids == null) {
            throw new Trap("missing value(s) of argument(s) numbers");
        }
        var targets = new ArrayList<Map<String, String>>();
        for (String each : ids.split(",")) {
            targets.add(find(items, each));
        }
        if (targets.stream().anyMatch(item -> "true".equals(item.get("dynamic")))) {
            throw new Trap("cannot " + verb + " dynamic entry");
        }
        return targets;
    }

    private static Map<String, String> find(List<Map<String, String>> items, String id) throws Trap {
        return items.stream()
                .filter(item -> item.get(".id").equals(id))
                .findFirst()
                .orElseThrow(() -> new Trap("no such item"));
    }

    /** The properties {@code .proplist} names, in its order; without one, all of them. */
    private static Map<String, String> select(Map<String, String> item, String proplist) {
        if (proplist == null) {
            return new LinkedHashMap<>(item);
        }
        var selected = new LinkedHashMap<String, String>();
        for (String name : proplist.split(",")) {
            if (item.containsKey(name)) {
                selected.put(name, item.get(name));
            }
        }
        return selected;
    }

    /**
     * RouterOS evaluates query words on a stack that starts as endless {@code true}: each test pushes
     * its outcome, {@code ?#} operators combine the top values, and the item passes unless a
     * {@code false} is left.
     */
    private static boolean matches(Map<String, String> item, List<String> queries) throws Trap {
        Deque<Boolean> stack = new ArrayDeque<>();
        for (String query : queries) {
            if (query.startsWith("#")) {
                for (char operator : query.substring(1).toCharArray()) {
                    apply(operator, stack);
                }
            } else {
                stack.push(test(item, query));
            }
        }
        return !stack.contains(false);
    }

    private static void apply(char operator, Deque<Boolean> stack) throws Trap {
        switch (operator) {
            case '!' -> stack.push(!pop(stack));
            case '&' -> stack.push(pop(stack) & pop(stack));
            case '|' -> stack.push(pop(stack) | pop(stack));
            default -> throw new Trap("unsupported query operator " + operator);
        }
    }

    /** The top value, or one of the endless {@code true} values below the pushed ones. */
    private static boolean pop(Deque<Boolean> stack) {
        return stack.isEmpty() || stack.pop();
    }

    /** {@code name=x} (or {@code =name=x}): equal; {@code name}: present; {@code -name}: absent. */
    private static boolean test(Map<String, String> item, String query) throws Trap {
        if (query.startsWith("<") || query.startsWith(">")) {
            throw new Trap("unsupported query ?" + query);
        }
        String test = query.startsWith("=") ? query.substring(1) : query;
        int equals = test.indexOf('=');
        if (equals >= 0) {
            return test.substring(equals + 1).equals(item.get(test.substring(0, equals)));
        }
        return test.startsWith("-") ? !item.containsKey(test.substring(1)) : item.containsKey(test);
    }

    /** One API session: answers each sentence in turn until the client or the router ends it. */
    private final class Session {
        private boolean loggedIn;

        void serve(Socket socket) {
            try (socket) {
                socket.setTcpNoDelay(true);
                var in = new BufferedInputStream(socket.getInputStream());
                var out = socket.getOutputStream();
                for (var words = readSentence(in); words != null; words = readSentence(in)) {
                    if (!words.isEmpty()) { // RouterOS ignores empty sentences
                        out.write(answer(Request.of(words)));
                    }
                }
            } catch (IOException e) {
                // Closed by the client, by offline() or close(), or not the API at all: only this session ends.
            } finally {
                open.remove(socket);
            }
        }

        /** The whole reply in one buffer, so it leaves in one write rather than a packet per word. */
        private byte[] answer(Request request) {
            record(request.path());
            var reply = new ByteArrayOutputStream();
            try {
                var result = execute(request);
                result.rows().forEach(row -> writeSentence(reply, "!re", request.tag(), row));
                if (emptyReplies && result.rows().isEmpty() && request.path().endsWith("/print")) {
                    writeSentence(reply, "!empty", request.tag(), Map.of());
                }
                var ret = result.ret() == null ? Map.<String, String>of() : Map.of("ret", result.ret());
                writeSentence(reply, "!done", request.tag(), ret);
            } catch (Trap trap) {
                writeSentence(reply, "!trap", request.tag(), Map.of("message", trap.getMessage()));
                writeSentence(reply, "!done", request.tag(), Map.of());
            }
            return reply.toByteArray();
        }

        private Result execute(Request request) throws Trap {
            if (request.path().equals("/login")) {
                return login(request.attributes());
            }
            if (!loggedIn) {
                throw new Trap("not logged in");
            }
            return switch (request.path()) {
                case "/cancel" -> Result.NONE; // every command has finished before the next is read
                case "/system/identity/print" -> new Result(List.of(Map.of("name", identity)), null);
                case "/system/resource/print" -> new Result(List.of(RESOURCE), null);
                default -> menuCommand(request);
            };
        }

        /** The plain-text login of RouterOS 6.43 and later; no {@code =ret=} challenge is offered. */
        private Result login(Map<String, String> attributes) throws Trap {
            if (!username.equals(attributes.get("name")) || !password.equals(attributes.get("password"))) {
                throw new Trap("invalid user name or password (6)");
            }
            loggedIn = true;
            return Result.NONE;
        }
    }

    /** The next sentence's words, or null when the client closed the connection between sentences. */
    private static List<String> readSentence(InputStream in) throws IOException {
        var words = new ArrayList<String>();
        for (int first = in.read(); first != 0; first = in.read()) {
            if (first < 0) {
                if (words.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed inside a sentence");
            }
            words.add(readWord(first, in));
        }
        return words;
    }

    private static String readWord(int first, InputStream in) throws IOException {
        int length = readLength(first, in);
        byte[] word = in.readNBytes(length);
        if (word.length < length) {
            throw new EOFException("connection closed inside a word");
        }
        return new String(word, UTF_8);
    }

    /** Decodes a length prefix: the first byte's leading one bits count the bytes that follow it. */
    private static int readLength(int first, InputStream in) throws IOException {
        int following = Integer.numberOfLeadingZeros(~first << 24);
        if (following > 4 || (following == 4 && first != 0xF0)) {
            throw new IOException("not a length prefix: 0x" + Integer.toHexString(first));
        }
        long length = first & (0x7F >> following);
        for (int i = 0; i < following; i++) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed inside a length prefix");
            }
            length = length << 8 | next;
        }
        if (length > MAX_WORD) {
            throw new IOException("word of " + length + " bytes");
        }
        return (int) length;
    }

    private static void writeSentence(
            ByteArrayOutputStream out, String reply, String tag, Map<String, String> attributes) {
        writeWord(out, reply);
        if (tag != null) {
            writeWord(out, ".tag=" + tag); // mikrotik-java drops any reply whose tag it does not know
        }
        attributes.forEach((name, value) -> writeWord(out, "=" + name + "=" + value));
        out.write(0);
    }

    /** Encodes the length in 1 to 5 bytes: the first byte's leading one bits count the bytes after it. */
    private static void writeWord(ByteArrayOutputStream out, String word) {
        byte[] bytes = word.getBytes(UTF_8);
        int length = bytes.length;
        int following = length < 0x80 ? 0 : length < 0x4000 ? 1 : length < 0x200000 ? 2 : length < 0x10000000 ? 3 : 4;
        out.write(following == 4 ? 0xF0 : ((0xFF00 >> following) & 0xFF) | (length >>> (8 * following)));
        for (int shift = 8 * (following - 1); shift >= 0; shift -= 8) {
            out.write(length >>> shift);
        }
        out.writeBytes(bytes);
    }

    /** A command sentence as RouterOS reads it: the path, {@code =name=value} words, {@code ?} queries, the tag. */
    private record Request(String path, Map<String, String> attributes, List<String> queries, String tag) {
        static Request of(List<String> words) {
            var attributes = new LinkedHashMap<String, String>();
            var queries = new ArrayList<String>();
            String tag = null;
            for (String word : words.subList(1, words.size())) {
                if (word.startsWith("=")) {
                    String[] nameValue = word.substring(1).split("=", 2);
                    attributes.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
                } else if (word.startsWith("?")) {
                    queries.add(word.substring(1));
                } else if (word.startsWith(".tag=")) {
                    tag = word.substring(".tag=".length());
                }
            }
            return new Request(words.getFirst(), attributes, queries, tag);
        }
    }

    /** What a command answers before {@code !done}: rows as {@code !re}, and for {@code add} the new id. */
    private record Result(List<Map<String, String>> rows, String ret) {
        static final Result NONE = new Result(List.of(), null);
    }

    /** A command RouterOS refuses: {@code !trap} with the message, then {@code !done}; the session goes on. */
    private static final class Trap extends Exception {
        Trap(String message) {
            super(message, null, false, false);
        }
    }
}
