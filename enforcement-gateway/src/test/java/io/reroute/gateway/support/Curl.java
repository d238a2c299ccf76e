package io.reroute.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Runs {@code curl} against the gateway as a subscriber's device would, from a chosen loopback source. */
public final class Curl {

    private Curl() {}

    /** {@code curl -s -i --interface source [options] url}; {@code -H "Host: ..."} and friends go in options. */
    public static Response request(String source, String url, String... options)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "5", "--interface", source));
        command.addAll(List.of(options));
        command.add(url);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("curl exited with " + exit + ": " + output);
        }
        int split = output.indexOf("\r\n\r\n");
        String head = split < 0 ? output : output.substring(0, split);
        String body = split < 0 ? "" : output.substring(split + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new TreeMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(status, headers, body);
    }

    /** Status, headers by lower-case name, body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
