package com.coworkly.queryside.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    /**
     * SMTP when {@code spring.mail.host} names a server (BOOKING_SMTP_HOST); the log otherwise. An empty host
     * still makes Spring Boot build a {@link JavaMailSender}, which is then left unused.
     */
    @Bean
    MailTransport mailTransport(
            @Value("${spring.mail.host:}") String host, ObjectProvider<JavaMailSender> smtp, EmailSettings settings) {
        return host.isBlank() ? new LoggedTransport() : new SmtpTransport(smtp.getObject(), settings.from());
    }

    /** What operators watch: emails waiting to be sent, and those of them whose sends have failed so far. */
    @Bean
    MeterBinder outboxGauges(Outbox outbox) {
        return meters -> {
            Gauge.builder("booking.emails.unsent", outbox, Outbox::unsent)
                    .description("Booking emails in the outbox not yet sent")
                    .register(meters);
            Gauge.builder("booking.emails.unsent.failing", outbox, Outbox::unsentAfterFailures)
                    .description("Unsent booking emails whose sends have failed at least once")
                    .register(meters);
        };
    }
}
