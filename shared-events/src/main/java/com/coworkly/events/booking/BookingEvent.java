package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;

/** Everything that happens to a booking, from its placement to its end. */
public sealed interface BookingEvent
        permits BookingPlaced,
                BookingPaidWithCredits,
                BookingPaidFromCompanyPool,
                BookingBilledToCompany,
                PaymentRequested,
                BookingConfirmed,
                BookingCancelled,
                BookingExpired,
                BookingCompleted,
                RefundIssued,
                LatePaymentReceived,
                ReminderFellDue {

    BookingId bookingId();
}
