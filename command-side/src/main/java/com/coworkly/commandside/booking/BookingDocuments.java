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
        return invoicing.paidInvoice(booked.invoiceSubjectAt(now), "Booking of", booked.price());
    }

    static List<InvoiceIssued> cancelled(
            Invoicing invoicing, Booked booked, String paidInvoiceId, Money fee, Instant now) {
        List<InvoiceIssued> documents = new ArrayList<>();
        documents.add(invoicing.creditNote(
                booked.invoiceSubjectAt(now), "Cancelled: booking of", booked.price(), paidInvoiceId));
        if (fee.minorUnits() > 0) {
            // The fee is kept out of the price already paid: its invoice is paid when it is issued.
            documents.add(
                    invoicing.paidInvoice(booked.invoiceSubjectAt(now), "Late cancellation fee: booking of", fee));
        }
        return documents;
    }
}
