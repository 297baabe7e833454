package com.coworkly.commandside.invoicing;

import com.coworkly.commandside.catalogue.InvoicingTerms;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
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
 *
 * <p>A document names, as they are when it is issued, what EU VAT directive Article 226 asks for: the seller (the
 * space's legal entity, else the network's), the buyer, the resource by name, one booking as the quantity with
 * its net as the unit price, and the day of supply. Its event keeps them, so no later change alters it.
 */
@Component
public class Invoicing {

    /**
     * What an invoice is for: the booking, its space, member and resource, the day it is issued in the space, the
     * day the booking is supplied (its first day there) and its period as the line states it.
     */
    public record Subject(
            BookingId booking,
            SpaceId space,
            MemberId member,
            ResourceId resource,
            LocalDate issuedOn,
            LocalDate suppliedOn,
            String period) {}

    private final SpaceDirectory spaces;
    private final InvoiceNumberSequence numbers;
    private final InvoiceParties parties;
    private final NetworkSeller networkSeller;

    public Invoicing(
            SpaceDirectory spaces, InvoiceNumberSequence numbers, InvoiceParties parties, NetworkSeller networkSeller) {
        this.spaces = spaces;
        this.numbers = numbers;
        this.parties = parties;
        this.networkSeller = networkSeller;
    }

    /** An invoice for money already taken: paid the day it is issued. {@code nature} says what for. */
    public InvoiceIssued paidInvoice(Subject subject, String nature, Money gross) {
        return issue(subject, InvoiceKind.INVOICE, nature, gross, null, subject.issuedOn());
    }

    public InvoiceIssued creditNote(Subject subject, String nature, Money gross, String creditedInvoiceId) {
        return issue(subject, InvoiceKind.CREDIT_NOTE, nature, gross, creditedInvoiceId, null);
    }

    private InvoiceIssued issue(
            Subject subject, InvoiceKind kind, String nature, Money gross, String credits, LocalDate paidOn) {
        InvoicingTerms terms = spaces.invoicingTermsOf(subject.space());
        Money vat = vatIn(gross, terms.vatRatePercent());
        Money net = gross.minus(vat);
        String number = numbers.next(terms.invoicePrefix(), subject.issuedOn().getYear());
        String resource = parties.resourceName(subject.resource()).orElse("resource " + subject.resource());
        InvoiceLine line = new InvoiceLine(
                nature + " " + resource + ", " + subject.period(), net, vat, gross, 1, net, subject.suppliedOn());
        return new InvoiceIssued(
                subject.booking(),
                UUID.randomUUID().toString(),
                kind,
                number,
                subject.space(),
                subject.member(),
                subject.issuedOn(),
                terms.vatRatePercent(),
                List.of(line),
                net,
                vat,
                gross,
                credits,
                sellerOf(terms),
                parties.buyer(subject.member()).orElse(null),
                paidOn);
    }

    /** The space's own legal entity, else the network's; null when neither is known. */
    private LegalEntity sellerOf(InvoicingTerms terms) {
        return terms.seller() != null
                ? terms.seller()
                : networkSeller.legalEntity().orElse(null);
    }

    static Money vatIn(Money gross, BigDecimal ratePercent) {
        BigDecimal rate = ratePercent.movePointLeft(2);
        BigDecimal vat = BigDecimal.valueOf(gross.minorUnits())
                .multiply(rate)
                .divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_UP);
        return new Money(vat.longValueExact(), gross.currency());
    }
}
