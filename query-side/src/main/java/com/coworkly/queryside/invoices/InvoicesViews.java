package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

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

    /**
     * One line; {@code quantity}, {@code unitNet} (the unit price without VAT) and {@code suppliedOn} are null in
     * lines issued before invoices named them. {@code bookingId} names the line's booking on a company's invoice,
     * and is null on a booking's own.
     */
    record Line(
            String description,
            long net,
            long vat,
            long gross,
            Integer quantity,
            Long unitNet,
            LocalDate suppliedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String bookingId) {

        Line(String description, long net, long vat, long gross) {
            this(description, net, vat, gross, null, null, null, null);
        }
    }

    /**
     * {@code credits} is the id of the invoice a credit note cancels, null for an invoice. {@code seller} and
     * {@code buyer} are as the invoice named them, null in invoices issued before it named them; {@code paidOn} is
     * the day an invoice was paid, null while it is due and for a credit note. A company's invoice names its company
     * and no booking or member; each of its lines names its booking.
     */
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
            String credits,
            LegalEntity seller,
            Buyer buyer,
            LocalDate paidOn,

            @Schema(
                    description = "the company a company's monthly invoice (or credit note) is for, which names no"
                            + " booking or member; absent on a booking's own")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String companyId) {}

    /** The space that issued an invoice, as its header names it. */
    record IssuingSpace(String name, String street, String postalCode, String city, String countryCode) {}

    /**
     * An invoice with what its document shows besides its own facts: the issuing space, unless its
     * registration has not reached this read model, and for a credit note the number of the invoice it credits,
     * unless that invoice is unknown here.
     */
    record PrintableInvoice(InvoiceView invoice, Optional<IssuingSpace> space, Optional<String> creditedNumber) {}
}
