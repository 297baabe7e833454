package com.coworkly.commandside.invoicing;

import com.coworkly.commandside.catalogue.InvoicingTerms;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Drafts the invoices and credit notes a booking issues, numbered at the moment they are issued. Prices are
 * gross (VAT included, as members see them); the VAT is the part of the gross at the space's rate, rounded
 * half up to the minor unit, and the net is the rest, so net + VAT always equals the gross exactly.
 */
@Component
public class Invoicing {

    /** What an invoice is for: the booking, its space and member, and the day it is issued in the space. */
    public record Subject(BookingId booking, SpaceId space, MemberId member, LocalDate issuedOn) {}

    private final SpaceDirectory spaces;
    private final InvoiceNumberSequence numbers;

    public Invoicing(SpaceDirectory spaces, InvoiceNumberSequence numbers) {
        this.spaces = spaces;
        this.numbers = numbers;
    }

    public InvoiceIssued invoice(Subject subject, String description, Money gross) {
        return issue(subject, InvoiceKind.INVOICE, description, gross, null);
    }

    public InvoiceIssued creditNote(Subject subject, String description, Money gross, String creditedInvoiceId) {
        return issue(subject, InvoiceKind.CREDIT_NOTE, description, gross, creditedInvoiceId);
    }

    private InvoiceIssued issue(Subject subject, InvoiceKind kind, String description, Money gross, String credits) {
        InvoicingTerms terms = spaces.invoicingTermsOf(subject.space());
        Money vat = vatIn(gross, terms.vatRatePercent());
        Money net = gross.minus(vat);
        String number = numbers.next(
                subject.space(), terms.invoicePrefix(), subject.issuedOn().getYear());
        return new InvoiceIssued(
                subject.booking(),
                UUID.randomUUID().toString(),
                kind,
                number,
                subject.space(),
                subject.member(),
                subject.issuedOn(),
                terms.vatRatePercent(),
                List.of(new InvoiceLine(description, net, vat, gross)),
                net,
                vat,
                gross,
                credits);
    }

    static Money vatIn(Money gross, BigDecimal ratePercent) {
        BigDecimal rate = ratePercent.movePointLeft(2);
        BigDecimal vat = BigDecimal.valueOf(gross.minorUnits())
                .multiply(rate)
                .divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_UP);
        return new Money(vat.longValueExact(), gross.currency());
    }
}
