package com.coworkly.queryside.notifications;

/**
 * An email in the outbox, claimed for sending. {@code about} says what it is about, for the log ("booking …",
 * "membership …"); {@code failures} counts the sends that failed before.
 */
record OutboundEmail(
        long id,
        String about,
        EmailKind kind,
        String recipient,
        String subject,
        String body,
        String messageId,
        int failures) {}
