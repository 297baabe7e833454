package com.coworkly.events.invoicing;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice or credit note was issued for a booking. It is a fact: its {@code number} (gapless and increasing
 * per space and calendar year, e.g. {@code AMS-2026-000042}) was assigned when it was issued and is never
 * assigned again, by a replay or otherwise. {@code credits} names the invoice a credit note cancels.
 */
@Revision("1")
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
        String credits)
        implements InvoicingEvent {}
