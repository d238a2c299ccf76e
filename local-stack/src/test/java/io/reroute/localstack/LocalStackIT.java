package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command end to end: the launcher brings up embedded PostgreSQL and Redis and the
 * four processes from their built jars, the curl example it prints works, and a restart keeps the data.
 */
class LocalStackIT {

    @TempDir
    Path data;

    @Test
    void startsEverythingPrintsAWorkingCurlExampleAndKeepsDataAcrossRestarts() throws Exception {
        LocalStackConfig config = RunningStack.onFreePorts(data);
        String workspaceBefore;
        try (var stack = new LocalStack(config)) {
            stack.start();
            workspaceBefore = runExample(stack.banner());
            assertThat(workspaceBefore).contains("\"slug\":\"demo\"").contains("\"displayName\":\"Demo ISP\"");
        }
        try (var stack = new LocalStack(config)) {
            stack.start();
            assertThat(runExample(stack.banner())).isEqualTo(workspaceBefore);
        }
    }

    /** Runs the two shell lines after "Try it:" exactly as printed. */
    private static String runExample(String banner) throws IOException, InterruptedException {
        String script =
                banner.substring(banner.indexOf("Try it:") + "Try it:".length()).strip();
        Process shell = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .start();
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.exitValue()).as(output).isZero();
        return output;
    }
}
