package io.reroute.platform.notification.internal;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * SMTP when {@code spring.mail.host} is set; otherwise (the embedded default) mails are only logged,
 * with their subject and recipient, never their body.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailTransportConfiguration.class);

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            log.info("no SMTP server configured (spring.mail.host): subscriber mails are logged, not sent");
            return mail -> Mono.fromRunnable(
                    () -> log.info("mail not sent (no SMTP server): \"{}\" to {}", mail.subject(), mail.to()));
        }
        return mail -> Mono.<Void>fromRunnable(() -> smtp.send(message -> {
                    var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                    try {
                        helper.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), "UTF-8"));
                    } catch (UnsupportedEncodingException e) {
                        throw new IllegalStateException(e);
                    }
                    helper.setTo(mail.to());
                    helper.setSubject(mail.subject());
                    helper.setText(mail.body());
                }))
                .onErrorMap(
                        e -> e instanceof MailParseException || e instanceof MailPreparationException,
                        e -> new MailTransport.MailRefusedException(e.getMessage(), e))
                // JavaMail blocks on the socket.
                .subscribeOn(Schedulers.boundedElastic());
    }
}
