package io.reroute.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** FreeRADIUS's radclient (Debian freeradius-utils), run against a local server. */
public final class Radclient {

    private static final Pattern RECEIVED = Pattern.compile("Received ([A-Za-z-]+) Id");

    private Radclient() {}

    /**
     * Sends one request ({@code auth} or {@code acct}) with the attributes given as radclient reads
     * them ("User-Name = \"x\"" lines), waiting one second and not retrying.
     */
    public static Reply send(int port, String command, String secret, String... attributes)
            throws IOException, InterruptedException {
        var process = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "1", "127.0.0.1:" + port, command, secret)
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(String.join("\n", attributes).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var received = RECEIVED.matcher(output);
        var replyAttributes = new ArrayList<String>();
        boolean inReply = false;
        for (String line : output.split("\n")) {
            if (line.startsWith("Received ")) {
                inReply = true;
            } else if (inReply && line.startsWith("\t")) {
                replyAttributes.add(line.strip());
            } else if (inReply) {
                inReply = false;
            }
        }
        return new Reply(received.find() ? received.group(1) : "NO-REPLY", replyAttributes, output);
    }

    /** The reply's code ("Access-Accept", or NO-REPLY) and its attributes as radclient prints them. */
    public record Reply(String code, List<String> attributes, String output) {

        public boolean has(String attribute) {
            return attributes.contains(attribute);
        }
    }
}
