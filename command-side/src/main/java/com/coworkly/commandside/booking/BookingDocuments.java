package com.coworkly.commandside.booking;

import com.coworkly.commandside.invoicing.Invoicing;
import com.coworkly.events.common.Money;
import com.coworkly.events.invoicing.InvoiceIssued;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered documents a booking issues. A paid booking is invoiced; cancelling it credits that invoice in
 * full and invoices a fee on its own, so that every amount kept or returned has its own numbered document.
 */
final class BookingDocuments {

    private BookingDocuments() {}

    static InvoiceIssued paid(Invoicing invoicing, Booked booked, Instant now) {
        return invoicing.invoice(booked.invoiceSubjectAt(now), "Booking of " + booked.describe(), booked.price());
    }

    static List<InvoiceIssued> cancelled(
            Invoicing invoicing, Booked booked, String paidInvoiceId, Money fee, Instant now) {
        List<InvoiceIssued> documents = new ArrayList<>();
        documents.add(invoicing.creditNote(
                booked.invoiceSubjectAt(now),
                "Cancelled: booking of " + booked.describe(),
                booked.price(),
                paidInvoiceId));
        if (fee.minorUnits() > 0) {
            documents.add(invoicing.invoice(
                    booked.invoiceSubjectAt(now), "Late cancellation fee: booking of " + booked.describe(), fee));
        }
        return documents;
    }
}
