package io.reroute.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a module's {@code application.yml} makes of its environment: {@code ${ENV_VAR:default}} read
 * as the variable and its default, so a test can tell what a container with a given environment
 * listens on.
 */
record ApplicationConfig(String module, String yaml) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    static ApplicationConfig of(String module) {
        Path file = Path.of("..", module, "src", "main", "resources", "application.yml");
        try {
            return new ApplicationConfig(module, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code ${variable:default}} in the file, under the given environment. */
    String effective(String variable, Map<String, String> environment) {
        var placeholder = PLACEHOLDER.matcher(yaml);
        while (placeholder.find()) {
            if (placeholder.group(1).equals(variable)) {
                return Optional.ofNullable(environment.get(variable)).orElse(placeholder.group(2));
            }
        }
        throw new IllegalArgumentException(module + "'s application.yml does not use " + variable);
    }

    boolean contains(String text) {
        return yaml.contains(text);
    }
}
