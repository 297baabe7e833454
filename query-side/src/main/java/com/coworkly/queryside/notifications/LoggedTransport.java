package com.coworkly.queryside.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server (the demo run), emails are written to the log instead, whole, so that one can read
 * what a member would get. They count as sent.
 */
class LoggedTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggedTransport.class);

    LoggedTransport() {
        log.info("No SMTP server is configured (BOOKING_SMTP_HOST): booking emails are written to this log, "
                + "not sent");
    }

    @Override
    public void send(OutboundEmail email) {
        log.info(
                "Email {} to {}\nSubject: {}\n\n{}",
                email.messageId(),
                email.recipient(),
                email.subject(),
                email.body());
    }
}
