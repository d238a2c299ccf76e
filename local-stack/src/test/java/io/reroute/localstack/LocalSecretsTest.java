package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path data;

    @Test
    void generatesOnceThenReusesAndKeepsTheFilePrivate() throws Exception {
        Path file = data.resolve("local-secrets.properties");
        LocalSecrets first = LocalSecrets.loadOrCreate(file);
        LocalSecrets second = LocalSecrets.loadOrCreate(file);

        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.secretsKey())).hasSize(32);
        assertThat(first.demoClientSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain(first.appPassword()).doesNotContain(first.secretsKey());
    }
}
