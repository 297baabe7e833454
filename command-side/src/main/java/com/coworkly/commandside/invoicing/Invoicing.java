package com.coworkly.commandside.invoicing;

import com.coworkly.commandside.catalogue.InvoicingTerms;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
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
        InvoiceLine line = lineOf(
                nature + " " + resourceName(subject.resource()) + ", " + subject.period(),
                gross,
                terms.vatRatePercent(),
                subject.suppliedOn(),
                null);
        Money vat = vatIn(gross, terms.vatRatePercent());
        return new InvoiceIssued(
                subject.booking(),
                UUID.randomUUID().toString(),
                kind,
                numbers.next(terms.invoicePrefix(), subject.issuedOn().getYear()),
                subject.space(),
                subject.member(),
                subject.issuedOn(),
                terms.vatRatePercent(),
                List.of(line),
                gross.minus(vat),
                vat,
                gross,
                credits,
                sellerOf(terms),
                parties.buyer(subject.member()).orElse(null),
                paidOn,
                null);
    }

    /**
     * One booking on a company's document: {@code nature} says what for (e.g. "Booking of"), {@code period} is the
     * booking's period as a line states it.
     */
    public record CompanyLine(
            BookingId booking, ResourceId resource, String nature, String period, LocalDate suppliedOn, Money gross) {

        /** A line that is not a booking's, such as a period of the company's plan: its description says it all. */
        public static CompanyLine fee(String description, LocalDate suppliedOn, Money gross) {
            return new CompanyLine(null, null, description, null, suppliedOn, gross);
        }

        private boolean isFee() {
            return booking == null;
        }
    }

    /**
     * A company's invoice for its bookings of a month at a space, issued on {@code issuedOn} and due (a company pays
     * on the seller's terms, not at booking): one line per booking, each with its VAT, and the totals their sums.
     */
    public InvoiceIssued companyInvoice(CompanyId company, SpaceId space, LocalDate issuedOn, List<CompanyLine> lines) {
        return companyDocument(InvoiceKind.INVOICE, company, space, issuedOn, lines, null);
    }

    public InvoiceIssued companyCreditNote(
            CompanyId company, SpaceId space, LocalDate issuedOn, CompanyLine line, String creditedInvoiceId) {
        return companyDocument(InvoiceKind.CREDIT_NOTE, company, space, issuedOn, List.of(line), creditedInvoiceId);
    }

    private InvoiceIssued companyDocument(
            InvoiceKind kind,
            CompanyId company,
            SpaceId space,
            LocalDate issuedOn,
            List<CompanyLine> charged,
            String credits) {
        InvoicingTerms terms = spaces.invoicingTermsOf(space);
        List<InvoiceLine> lines = charged.stream()
                .map(line -> lineOf(
                        line.isFee()
                                ? line.nature()
                                : line.nature() + " " + resourceName(line.resource()) + ", " + line.period(),
                        line.gross(),
                        terms.vatRatePercent(),
                        line.suppliedOn(),
                        line.booking()))
                .toList();
        Money gross = sum(lines.stream().map(InvoiceLine::gross).toList());
        Money vat = sum(lines.stream().map(InvoiceLine::vat).toList());
        return new InvoiceIssued(
                null,
                UUID.randomUUID().toString(),
                kind,
                numbers.next(terms.invoicePrefix(), issuedOn.getYear()),
                space,
                null,
                issuedOn,
                terms.vatRatePercent(),
                lines,
                gross.minus(vat),
                vat,
                gross,
                credits,
                sellerOf(terms),
                parties.companyBuyer(company).orElse(null),
                null,
                company);
    }

    private static InvoiceLine lineOf(
            String description, Money gross, BigDecimal vatRatePercent, LocalDate suppliedOn, BookingId booking) {
        Money vat = vatIn(gross, vatRatePercent);
        Money net = gross.minus(vat);
        return new InvoiceLine(description, net, vat, gross, 1, net, suppliedOn, booking);
    }

    private static Money sum(List<Money> amounts) {
        Money total = amounts.get(0);
        for (Money amount : amounts.subList(1, amounts.size())) {
            total = total.plus(amount);
        }
        return total;
    }

    private String resourceName(ResourceId resource) {
        return parties.resourceName(resource).orElse("resource " + resource);
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
