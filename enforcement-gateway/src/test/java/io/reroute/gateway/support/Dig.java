package io.reroute.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Runs Debian's {@code dig} against the gateway, as a real client from a chosen loopback source. */
public final class Dig {

    private static final Pattern STATUS = Pattern.compile("status: (\\w+)");
    private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]+);");

    private Dig() {}

    /** {@code dig @127.0.0.1 -p port -b source name type [+tcp]}. */
    public static Result query(int port, String source, String name, String type, String... options)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                "dig", "@127.0.0.1", "-p", Integer.toString(port), "-b", source, name, type, "+time=3", "+tries=1"));
        command.addAll(List.of(options));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var status = STATUS.matcher(output);
        var flags = FLAGS.matcher(output);
        var answers = new ArrayList<String>();
        boolean inAnswer = false;
        for (String line : output.split("\n")) {
            if (line.startsWith(";; ANSWER SECTION:")) {
                inAnswer = true;
            } else if (inAnswer && line.isBlank()) {
                inAnswer = false;
            } else if (inAnswer) {
                answers.add(line.trim().replaceAll("\\s+", " "));
            }
        }
        return new Result(
                status.find() ? status.group(1) : "NO-RESPONSE", flags.find() ? flags.group(1) : "", answers, output);
    }

    /** The status, the header flags, and the answer section as "name ttl class type data" lines. */
    public record Result(String status, String flags, List<String> answers, String output) {

        /** The data of every answer. */
        public List<String> data() {
            return answers.stream()
                    .map(a -> a.substring(a.lastIndexOf(' ') + 1))
                    .toList();
        }
    }
}
