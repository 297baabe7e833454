package com.coworkly.queryside.notifications;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an email is still worth sending when its event is processed. Processing is normally seconds behind the
 * event, but a query side that was down for long catches up on old events: an email about a booking that is
 * over, or a reminder of a booking that has begun, would only confuse its member. (A processor's first catch-up
 * on history is an Axon replay, which writes no email at all.)
 */
final class EmailRelevance {

    private EmailRelevance() {}

    /** Why not to send it, or empty to send it. */
    static Optional<String> reasonNotToSend(EmailKind kind, BookingDetails booking, Instant now) {
        if (!now.isBefore(booking.period().end())) {
            return Optional.of("the booking is over");
        }
        if (kind == EmailKind.REMINDER && !now.isBefore(booking.period().start())) {
            return Optional.of("the booking has begun");
        }
        return Optional.empty();
    }
}
