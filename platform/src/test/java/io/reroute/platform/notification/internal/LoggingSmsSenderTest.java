package io.reroute.platform.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reroute.platform.tenancy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSmsSenderTest {

    @Test
    void logsTheWorkspaceAMaskedNumberAndTheTextWithoutTheLink() {
        var logger = (Logger) LoggerFactory.getLogger(LoggingSmsSender.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            var workspace = WorkspaceId.random();
            new LoggingSmsSender()
                    .send(
                            workspace,
                            new OutgoingSms(
                                    "+442079460123",
                                    "Hill Fibre: you have used 80% of your data. Top up:",
                                    "https://pay.example/link/eyJ.secret.sig"))
                    .block();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("INFO");
                assertThat(event.getFormattedMessage())
                        .contains(workspace.toString())
                        .contains("+*********123")
                        .contains("Hill Fibre: you have used 80% of your data. Top up: <signed link>")
                        .doesNotContain("2079460123")
                        .doesNotContain("eyJ.secret.sig");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }
}
