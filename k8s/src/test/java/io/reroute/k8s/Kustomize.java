package io.reroute.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Renders a kustomization offline with {@code kubectl kustomize}, as an operator's {@code kubectl
 * apply -k} would, and parses every object into the typed Kubernetes model (fabric8); kinds the model
 * does not know (CloudNativePG's) come back as generic resources. The kubectl is {@code
 * -Dreroute.kubectl} or the first on the PATH (CI installs Debian's kubernetes-client).
 */
final class Kustomize {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kustomize() {}

    /** The rendered objects of the kustomization in {@code directory} (relative to this module). */
    static List<HasMetadata> render(String directory) {
        String yaml = run(kubectl(), "kustomize", directory);
        return Arrays.stream(DOCUMENT_SEPARATOR.split(yaml))
                .filter(document -> !document.isBlank())
                .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document))
                .toList();
    }

    static String kubectl() {
        String configured = System.getProperty("reroute.kubectl");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Optional<Path> found = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
        return found.map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(
                        "kubectl is not on the PATH (apt-get install kubernetes-client, or -Dreroute.kubectl=...)"));
    }

    private static String run(String... command) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(errors.toFile())
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(errors));
                }
                return out;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
