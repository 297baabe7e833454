package com.coworkly.queryside.notifications;

/** An email in the outbox, claimed for sending. {@code failures} counts the sends that failed before. */
record OutboundEmail(
        long id,
        String bookingId,
        EmailKind kind,
        String recipient,
        String subject,
        String body,
        String messageId,
        int failures) {}
