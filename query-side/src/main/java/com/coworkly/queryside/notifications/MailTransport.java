package com.coworkly.queryside.notifications;

import org.springframework.mail.MailException;

/** Hands an email to whatever delivers it: an SMTP server, or the log when none is configured. */
interface MailTransport {

    /** Returns once the email is taken; throws if it was not, so that it is tried again later. */
    void send(OutboundEmail email) throws MailException;
}
