package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Named builders of the events the invoices read model follows: two spaces, their managers, members' invoices. */
final class InvoiceEvents {

    static final SpaceId AMSTERDAM = new SpaceId("space-ams");
    static final SpaceId BERLIN = new SpaceId("space-ber");
    static final MemberId MIA = new MemberId("mia");
    static final MemberId MAX = new MemberId("max");
    static final MemberId MANAGER_OF_AMSTERDAM = new MemberId("anna");
    static final MemberId MANAGER_OF_BERLIN = new MemberId("bernd");
    static final BigDecimal DUTCH_VAT = new BigDecimal("21.00");

    private InvoiceEvents() {}

    static SpaceRegistered amsterdamRegistered() {
        return new SpaceRegistered(
                AMSTERDAM,
                "Amsterdam Central",
                ZoneId.of("Europe/Amsterdam"),
                Currency.getInstance("EUR"),
                DUTCH_VAT,
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                java.time.Duration.ofHours(24));
    }

    static SpaceRegistered berlinRegistered() {
        return new SpaceRegistered(
                BERLIN,
                "Berlin Mitte",
                ZoneId.of("Europe/Berlin"),
                Currency.getInstance("EUR"),
                new BigDecimal("19.00"),
                CancellationPolicy.STANDARD,
                new Address("Friedrichstraße 10", "10117", "Berlin", "DE"),
                java.time.Duration.ofHours(24));
    }

    static ManagerGranted amsterdamManaged() {
        return new ManagerGranted(AMSTERDAM, MANAGER_OF_AMSTERDAM);
    }

    static ManagerGranted berlinManaged() {
        return new ManagerGranted(BERLIN, MANAGER_OF_BERLIN);
    }

    /** A paid booking of 18.00 EUR in Amsterdam: 14.88 net and 3.12 VAT at 21 %. */
    static InvoiceIssued anInvoice(String invoiceId, String number, MemberId member, String issuedOn) {
        return anInvoice(invoiceId, number, AMSTERDAM, member, issuedOn);
    }

    static InvoiceIssued anInvoice(String invoiceId, String number, SpaceId space, MemberId member, String issuedOn) {
        return new InvoiceIssued(
                new BookingId("booking-of-" + invoiceId),
                invoiceId,
                InvoiceKind.INVOICE,
                number,
                space,
                member,
                LocalDate.parse(issuedOn),
                DUTCH_VAT,
                List.of(new InvoiceLine("Desk 1, 7 Dec 2026 09:00-11:00", eur(1488), eur(312), eur(1800))),
                eur(1488),
                eur(312),
                eur(1800),
                null);
    }

    static final LegalEntity AMSTERDAM_BV = new LegalEntity(
            "Coworkly Amsterdam B.V.",
            new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
            "NL123456789B01",
            "KvK 12345678",
            "Within 14 days");

    /**
     * An invoice as issued since invoices name their parties: Amsterdam's legal entity sold Mia de Vries one
     * booking of Desk 1, supplied on 7 December, paid the day it was issued.
     */
    static InvoiceIssued aVatInvoice(String invoiceId, String number, String issuedOn) {
        return new InvoiceIssued(
                new BookingId("booking-of-" + invoiceId),
                invoiceId,
                InvoiceKind.INVOICE,
                number,
                AMSTERDAM,
                MIA,
                LocalDate.parse(issuedOn),
                DUTCH_VAT,
                List.of(new InvoiceLine(
                        "Booking of Desk 1, 2026-12-07 09:00–11:00 (Europe/Amsterdam)",
                        eur(1488),
                        eur(312),
                        eur(1800),
                        1,
                        eur(1488),
                        LocalDate.of(2026, 12, 7))),
                eur(1488),
                eur(312),
                eur(1800),
                null,
                AMSTERDAM_BV,
                new Buyer("Mia de Vries", null, null),
                LocalDate.parse(issuedOn),
                null);
    }

    /** Cancels all of {@code credited}, in the same booking's stream. */
    static InvoiceIssued aCreditNote(String invoiceId, String number, InvoiceIssued credited, String issuedOn) {
        return new InvoiceIssued(
                credited.bookingId(),
                invoiceId,
                InvoiceKind.CREDIT_NOTE,
                number,
                credited.spaceId(),
                credited.memberId(),
                LocalDate.parse(issuedOn),
                credited.vatRatePercent(),
                credited.lines(),
                credited.net(),
                credited.vat(),
                credited.gross(),
                credited.invoiceId(),
                credited.seller(),
                credited.buyer(),
                null,
                null);
    }

    static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }
}
