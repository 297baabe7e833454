package com.coworkly.events.invoicing;

import com.coworkly.events.common.BookingId;

/** Invoices and credit notes; each is issued for one booking, in that booking's event stream. */
public sealed interface InvoicingEvent permits InvoiceIssued {

    BookingId bookingId();
}
