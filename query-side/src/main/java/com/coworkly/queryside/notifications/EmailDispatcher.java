package com.coworkly.queryside.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Delivers the outbox: claims due emails (committed at once), sends them outside any transaction, then marks
 * each sent. Several instances may run it: a claim keeps the others off an email while it is being sent.
 *
 * <p>A failed send is logged and tried again after a backoff, so an SMTP outage delays emails and loses none.
 * After one failure the rest of the batch is given back untried: the server is probably down, and each of them
 * would wait for the same timeouts. An instance that dies between the SMTP server's answer and marking the
 * email sent leaves a claim that runs out, and the email is sent again: at least once at the SMTP boundary,
 * with the same {@code Message-ID}.
 */
@Component
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final Outbox outbox;
    private final MailTransport transport;
    private final int batchSize;
    private final Duration claimLease;
    private final RetryBackoff backoff;
    private final Counter sent;
    private final Counter failed;

    EmailDispatcher(Outbox outbox, MailTransport transport, EmailSettings settings, MeterRegistry meters) {
        this.outbox = outbox;
        this.transport = transport;
        this.batchSize = settings.batchSize();
        this.claimLease = settings.claimLease();
        this.backoff = new RetryBackoff(settings.firstRetryAfter(), settings.longestRetryAfter());
        this.sent = Counter.builder("booking.emails.sent")
                .description("Booking emails handed to the mail server")
                .register(meters);
        this.failed = Counter.builder("booking.emails.send.failures")
                .description("Attempts to send a booking email that failed (it is tried again later)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${booking.emails.dispatch-interval:PT1S}", initialDelayString = "PT2S")
    void sendDue() {
        List<OutboundEmail> claimed = outbox.claimDue(batchSize, claimLease);
        for (int i = 0; i < claimed.size(); i++) {
            OutboundEmail email = claimed.get(i);
            try {
                transport.send(email);
            } catch (MailException e) {
                Duration wait = backoff.after(email.failures() + 1);
                log.warn(
                        "Could not send the {} email of booking {} to {} (failure {}), trying again in {}: {}",
                        email.kind(),
                        email.bookingId(),
                        email.recipient(),
                        email.failures() + 1,
                        wait,
                        e.toString());
                failed.increment();
                outbox.failed(email, e.toString(), wait);
                outbox.release(claimed.subList(i + 1, claimed.size()));
                return;
            }
            outbox.sent(email);
            sent.increment();
        }
    }
}
