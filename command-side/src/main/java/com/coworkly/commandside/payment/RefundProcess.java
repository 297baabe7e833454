package com.coworkly.commandside.payment;

import com.coworkly.commandside.booking.RecordRefund;
import com.coworkly.commandside.commands.Actor;
import com.coworkly.commandside.commands.ActorMetaData;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.LatePaymentReceived;
import com.coworkly.events.booking.PaymentRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pays back what a cancellation refunds. It follows the event store in its own tracking processor
 * ({@code refunds}), after and apart from the cancelling command: the provider is never called inside a
 * command's transaction. A refund that fails is not dropped: it is logged and parked in the processor's
 * dead-letter queue, where operators see it, and {@link RefundRetries} tries it again until the provider takes
 * it. Stripe's idempotency key makes every retry the same refund, and a booking already refunded is skipped.
 */
@Component
@ProcessingGroup(RefundProcess.GROUP)
class RefundProcess {

    static final String GROUP = "refunds";
    private static final Logger log = LoggerFactory.getLogger(RefundProcess.class);
    private static final Actor REFUNDS = Actor.system("refunds");

    private final PaymentProvider payments;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;

    RefundProcess(PaymentProvider payments, CommandSender commands, JdbcTemplate jdbc) {
        this.payments = payments;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentRequested event) {
        jdbc.update(
                "INSERT INTO refund_payment (booking_id, provider, payment_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (booking_id) DO UPDATE SET provider = excluded.provider, payment_id = excluded.payment_id",
                event.bookingId().value(),
                event.provider(),
                event.paymentId());
    }

    /** A replay must never pay anyone back twice, so it skips this. */
    @EventHandler
    @DisallowReplay
    void on(BookingCancelled event) {
        if (event.refund().minorUnits() > 0) {
            String paymentId = jdbc.queryForObject(
                    "SELECT payment_id FROM refund_payment WHERE booking_id = ?",
                    String.class,
                    event.bookingId().value());
            refund(new RefundRequest(event.bookingId(), event.memberId(), paymentId, event.refund()));
        }
    }

    /** A payment for a booking that was no longer waiting for one goes back whole. */
    @EventHandler
    @DisallowReplay
    void on(LatePaymentReceived event) {
        refund(new RefundRequest(event.bookingId(), event.memberId(), event.paymentId(), event.amount()));
    }

    private void refund(RefundRequest request) {
        if (alreadyRefunded(request)) {
            return;
        }
        try {
            String refundId = payments.refund(request);
            commands.send(
                    new RecordRefund(request.bookingId(), payments.name(), refundId, request.amount()),
                    ActorMetaData.of(REFUNDS));
        } catch (RuntimeException e) {
            log.error(
                    "Refund of {} {} for booking {} failed; it is parked and will be retried",
                    request.amount().minorUnits(),
                    request.amount().currency(),
                    request.bookingId(),
                    e);
            throw e;
        }
    }

    /** The event store is the truth: if the processor's position were ever lost, no one is paid back twice. */
    private boolean alreadyRefunded(RefundRequest request) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry
                               WHERE aggregate_identifier = ? AND payload_type LIKE '%.RefundIssued')""", Boolean.class, request.bookingId().value()));
    }
}
