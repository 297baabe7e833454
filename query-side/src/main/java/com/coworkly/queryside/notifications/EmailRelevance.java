package com.coworkly.queryside.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an email is still worth sending when its event is processed. Processing is normally seconds behind the
 * event, but the processor can also meet old events: on its first start against an existing history, after a
 * lost token, or after a long outage. An email about a booking that is over, a reminder of a booking that has
 * begun, or news older than {@code staleAfter} would only confuse its member.
 */
record EmailRelevance(Duration staleAfter) {

    /** Why not to send it, or empty to send it. */
    Optional<String> reasonNotToSend(EmailKind kind, BookingDetails booking, Instant happenedAt, Instant now) {
        if (!now.isBefore(booking.period().end())) {
            return Optional.of("the booking is over");
        }
        if (kind == EmailKind.REMINDER && !now.isBefore(booking.period().start())) {
            return Optional.of("the booking has begun");
        }
        if (happenedAt.plus(staleAfter).isBefore(now)) {
            return Optional.of("its event is older than " + staleAfter);
        }
        return Optional.empty();
    }
}
