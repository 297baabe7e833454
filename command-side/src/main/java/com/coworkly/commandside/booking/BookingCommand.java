package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.BookingId;

/** The commands an existing booking decides. */
public sealed interface BookingCommand extends TargetsAggregate
        permits CancelBooking,
                RequestPayment,
                RecordPaymentRequest,
                ConfirmPayment,
                FailPayment,
                RecordRefund,
                DisplaceBooking,
                CancelOccurrence,
                ShareOfSeriesPayment {

    BookingId bookingId();

    @Override
    default String targetId() {
        return bookingId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.BOOKING_NOT_FOUND;
    }
}
