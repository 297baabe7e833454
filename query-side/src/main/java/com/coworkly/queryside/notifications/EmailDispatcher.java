package com.coworkly.queryside.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Delivers the outbox: claims due emails (committed at once), sends them outside any transaction, then marks
 * each sent. Several instances may run it: a claim keeps the others off an email while it is being sent.
 *
 * <p>A failed send is logged and tried again after a backoff, so an SMTP outage delays emails and loses none.
 * After one failure the rest of the batch is given back untried: the server is probably down, and each of them
 * would wait for the same timeouts.
 *
 * <p>An email the SMTP server took but that could not be marked sent, because the database went away (a failover,
 * say), is remembered here and marked first at each run until the database answers again, long before its claim
 * runs out: so a database outage sends nothing twice. Only an instance that dies in that window leaves a claim
 * that runs out, and the email is sent again: at least once at the SMTP boundary, with the same {@code Message-ID}.
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
    /** Sent, not yet marked sent: this dispatcher's scheduled runs never overlap, but a test may call it too. */
    private final Queue<OutboundEmail> sentButNotMarked = new ConcurrentLinkedQueue<>();

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
        if (!markedWhatWasSent()) {
            return;
        }
        List<OutboundEmail> claimed = outbox.claimDue(batchSize, claimLease);
        for (int i = 0; i < claimed.size(); i++) {
            OutboundEmail email = claimed.get(i);
            try {
                transport.send(email);
            } catch (MailException e) {
                Duration wait = backoff.after(email.failures() + 1);
                log.warn(
                        "Could not send the {} email of {} to {} (failure {}), trying again in {}: {}",
                        email.kind(),
                        email.about(),
                        email.recipient(),
                        email.failures() + 1,
                        wait,
                        e.toString());
                failed.increment();
                outbox.failed(email, e.toString(), wait);
                outbox.release(claimed.subList(i + 1, claimed.size()));
                return;
            }
            sent.increment();
            try {
                outbox.sent(email);
            } catch (DataAccessException e) {
                // The rest of the batch stays claimed, untried, until its claim runs out: nothing is sent twice.
                log.warn(
                        "Sent the {} email of {}, but could not mark it sent; marking it again at the next run",
                        email.kind(),
                        email.about(),
                        e);
                sentButNotMarked.add(email);
                return;
            }
        }
    }

    /** Marks the emails sent whose marking failed before; false while the database still does not answer. */
    private boolean markedWhatWasSent() {
        for (OutboundEmail email = sentButNotMarked.peek(); email != null; email = sentButNotMarked.peek()) {
            try {
                outbox.sent(email);
            } catch (DataAccessException e) {
                log.warn("Still cannot mark the {} email of {} sent: {}", email.kind(), email.about(), e.toString());
                return false;
            }
            sentButNotMarked.remove();
        }
        return true;
    }
}
