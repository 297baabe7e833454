package com.coworkly.queryside.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How booking emails are sent ({@code booking.emails.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from              the sender's address
 * @param batchSize         how many due emails one dispatcher run claims
 * @param claimLease        how long a claim keeps other instances off an email: longer than sending a whole batch
 *                          can take with the SMTP timeouts, or a slow send could be claimed and sent twice
 * @param firstRetryAfter   the wait after a first failed send; it doubles with every further failure …
 * @param longestRetryAfter … up to this
 */
@ConfigurationProperties("booking.emails")
record EmailSettings(
        @DefaultValue("bookings@coworkly.example") String from,
        @DefaultValue("10") int batchSize,
        @DefaultValue("PT5M") Duration claimLease,
        @DefaultValue("PT30S") Duration firstRetryAfter,
        @DefaultValue("PT30M") Duration longestRetryAfter) {}
