package com.coworkly.queryside.notifications;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.CancellationReason;
import com.coworkly.events.booking.ReminderFellDue;
import com.coworkly.events.common.BookingId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.Function;

/**
 * Turns the events a member must hear about into emails in the {@link Outbox}, in the processor's transaction:
 * the email is written if and only if the processor's token passes its event. The dispatcher sends it later,
 * outside any transaction.
 *
 * <p>Sent once per booking and kind, by two fences: these handlers do not run in a replay (nor in a new
 * token's first catch-up on history, which Axon 4 runs as a replay), and the outbox's unique (booking, kind)
 * ignores an email it already has, which covers a redelivered batch and anything else that hands an event over
 * twice. The processor has one segment, so events come in the store's order and the booking's
 * member, space and resource are always known here ({@link NotificationFacts}).
 */
@Component
@ProcessingGroup(BookingEmails.GROUP)
class BookingEmails {

    static final String GROUP = "notifications";

    private static final Logger log = LoggerFactory.getLogger(BookingEmails.class);

    private final KnownBookings bookings;
    private final Outbox outbox;
    private final MessageIds messageIds;
    private final Clock clock;

    BookingEmails(KnownBookings bookings, Outbox outbox, MessageIds messageIds, Clock clock) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(BookingConfirmed event) {
        write(event.bookingId(), EmailKind.CONFIRMATION, EmailTemplates::confirmation);
    }

    @EventHandler
    @DisallowReplay
    void on(ReminderFellDue event) {
        write(event.bookingId(), EmailKind.REMINDER, EmailTemplates::reminder);
    }

    @EventHandler
    @DisallowReplay
    void on(BookingCancelled event) {
        if (event.reason() == CancellationReason.MAINTENANCE) {
            write(event.bookingId(), EmailKind.DISPLACEMENT, booking -> EmailTemplates.displacement(booking, event));
        } else {
            write(event.bookingId(), EmailKind.CANCELLATION, booking -> EmailTemplates.cancellation(booking, event));
        }
    }

    @EventHandler
    @DisallowReplay
    void on(BookingExpired event) {
        write(event.bookingId(), EmailKind.EXPIRY, EmailTemplates::expiry);
    }

    /** "Now" is the wall clock on purpose: whether an email is still worth sending depends on when it would go. */
    private void write(BookingId bookingId, EmailKind kind, Function<BookingDetails, Email> template) {
        BookingDetails booking = bookings.find(bookingId)
                .orElseThrow(() -> new IllegalStateException("booking " + bookingId.value()
                        + ", its member, space or resource is unknown to the notifications"));
        EmailRelevance.reasonNotToSend(kind, booking, clock.instant())
                .ifPresentOrElse(
                        reason ->
                                log.info("Not sending the {} email of booking {}: {}", kind, bookingId.value(), reason),
                        () -> outbox.add(bookingId, kind, template.apply(booking), messageIds.of(bookingId, kind)));
    }
}
