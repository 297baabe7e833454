package com.coworkly.events.invoicing;

import com.coworkly.events.common.BookingId;

/**
 * Invoices and credit notes: issued for one booking, in that booking's event stream, or for the bookings of a
 * company's month, in its bill's stream, where {@code bookingId} is null and each line names its booking.
 */
public sealed interface InvoicingEvent permits InvoiceIssued {

    BookingId bookingId();
}
