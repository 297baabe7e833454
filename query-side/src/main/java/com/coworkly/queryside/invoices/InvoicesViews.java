package com.coworkly.queryside.invoices;

import com.coworkly.events.invoicing.InvoiceKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The shapes in which the invoices read model answers. Amounts are integers in minor units of the invoice's
 * {@code currency}; a credit note's amounts are positive, like the event's.
 */
final class InvoicesViews {

    private InvoicesViews() {}

    record Line(String description, long net, long vat, long gross) {}

    /** {@code credits} is the id of the invoice a credit note cancels, null for an invoice. */
    record InvoiceView(
            String invoiceId,
            String bookingId,
            InvoiceKind kind,
            String number,
            String spaceId,
            String memberId,
            LocalDate issuedOn,
            String currency,
            BigDecimal vatRatePercent,
            List<Line> lines,
            long net,
            long vat,
            long gross,
            String credits) {}

    /** The space that issued an invoice, as its header names it. */
    record IssuingSpace(String name, String street, String postalCode, String city, String countryCode) {}

    /**
     * An invoice with what its document shows besides its own facts: the issuing space, unless its
     * registration has not reached this read model, and for a credit note the number of the invoice it credits,
     * unless that invoice is unknown here.
     */
    record PrintableInvoice(InvoiceView invoice, Optional<IssuingSpace> space, Optional<String> creditedNumber) {}
}
