package com.coworkly.events.invoicing;

import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice or credit note was issued for a booking. It is a fact: its {@code number} (gapless and increasing
 * per invoice series and calendar year, e.g. {@code AMS-2026-000042}) was assigned when it was issued and is
 * never assigned again, by a replay or otherwise. {@code credits} names the invoice a credit note cancels.
 *
 * <p>Revision 2 keeps what the document names, as it was when issued, so that a later rename changes no issued
 * invoice: the {@code seller} (the space's legal entity, or the network's), the {@code buyer} and, in each line,
 * the resource by name. {@code paidOn} is the day an invoice was paid, null while it is due; a credit note is
 * never "paid". In revision-1 payloads, seller and buyer are absent (null: those documents named the space and the
 * member's id); an upcaster in {@code platform} gives revision-1 invoices the day they were issued as
 * {@code paidOn}, since every invoice was then issued for a payment already taken (decision 37).
 *
 * <p>A company's monthly invoice and its credit notes (decision 38) name the company in {@code companyId} and no
 * booking or member ({@code bookingId} and {@code memberId} null): each of their lines names its booking. Invoices
 * issued before companies were billed have no {@code companyId} (null).
 */
@Revision("2")
public record InvoiceIssued(
        BookingId bookingId,
        String invoiceId,
        InvoiceKind kind,
        String number,
        SpaceId spaceId,
        MemberId memberId,
        LocalDate issuedOn,
        BigDecimal vatRatePercent,
        List<InvoiceLine> lines,
        Money net,
        Money vat,
        Money gross,
        String credits,
        LegalEntity seller,
        Buyer buyer,
        LocalDate paidOn,
        CompanyId companyId)
        implements InvoicingEvent {

    /** An invoice as issued in revision 1, without seller, buyer or payment. */
    public InvoiceIssued(
            BookingId bookingId,
            String invoiceId,
            InvoiceKind kind,
            String number,
            SpaceId spaceId,
            MemberId memberId,
            LocalDate issuedOn,
            BigDecimal vatRatePercent,
            List<InvoiceLine> lines,
            Money net,
            Money vat,
            Money gross,
            String credits) {
        this(
                bookingId,
                invoiceId,
                kind,
                number,
                spaceId,
                memberId,
                issuedOn,
                vatRatePercent,
                lines,
                net,
                vat,
                gross,
                credits,
                null,
                null,
                null,
                null);
    }
}
