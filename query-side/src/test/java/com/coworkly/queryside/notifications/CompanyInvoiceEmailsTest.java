package com.coworkly.queryside.notifications;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.identity.MemberRegistered;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.coworkly.queryside.notifications.NotificationEvents.MIA;
import static com.coworkly.queryside.notifications.NotificationEvents.SPACE;
import static com.coworkly.queryside.notifications.NotificationEvents.miaRegistered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's monthly invoice is emailed once to each of its administrators, never in a replay, and its credit notes
 * not at all (decision 38), against the outbox in PostgreSQL.
 */
class CompanyInvoiceEmailsTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:01:00Z");
    private static final CompanyId ACME = new CompanyId("acme");
    private static final MemberId OTTO = new MemberId("otto");

    private static ReadModelDatabase database;
    private NotificationHandlers handlers;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void acmeIsAdministeredByMiaAndOtto() {
        database.jdbc().update("TRUNCATE outbound_email");
        NotificationFacts facts = new NotificationFacts(database.jdbc());
        facts.reset();
        CompanyInvoiceEmails emails = emails();
        emails.reset();
        handlers = new NotificationHandlers(facts, emails, NOW);
        handlers.deliver(
                miaRegistered(),
                new MemberRegistered(OTTO, "otto@example.test", "Otto"),
                new CompanyRegistered(ACME, "Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), null),
                new CompanyAdministratorAppointed(ACME, MIA),
                new CompanyAdministratorAppointed(ACME, OTTO));
    }

    @Test
    void eachAdministratorIsToldOnceOfTheMonthsInvoice() {
        handlers.deliver(invoice("inv-1", InvoiceKind.INVOICE), invoice("inv-1", InvoiceKind.INVOICE));

        assertThat(outbox())
                .containsExactly(
                        "COMPANY_INVOICE_ISSUED acme inv-1 mia@example.test Invoice AMS-2027-000001 for Acme B.V. "
                                + "<company_invoice_issued.acme.inv-1@coworkly.example>",
                        "COMPANY_INVOICE_ISSUED acme inv-1 otto@example.test Invoice AMS-2027-000001 for Acme B.V. "
                                + "<company_invoice_issued.acme.inv-1@coworkly.example>");
        assertThat(body("mia@example.test"))
                .contains("Dear Mia,")
                .contains("Bookings: 1")
                .contains("Total:    18.00 EUR (of which VAT 3.12 EUR)")
                .contains("Payment terms: Within 14 days");
    }

    @Test
    void aCreditNoteAndABookingsOwnInvoiceAreNotEmailedToTheCompany() {
        handlers.deliver(invoice("cn-1", InvoiceKind.CREDIT_NOTE));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void aReplayWritesNoEmail() {
        handlers.replay(invoice("inv-2", InvoiceKind.INVOICE));

        assertThat(outbox()).isEmpty();
    }

    private static InvoiceIssued invoice(String invoiceId, InvoiceKind kind) {
        return new InvoiceIssued(
                null,
                invoiceId,
                kind,
                "AMS-2027-000001",
                SPACE,
                null,
                LocalDate.of(2027, 1, 1),
                new BigDecimal("21.00"),
                List.of(new InvoiceLine(
                        "Booking of Desk 7, 2026-12-07 09:00–11:00 (Europe/Amsterdam)",
                        Money.of(1488, "EUR"),
                        Money.of(312, "EUR"),
                        Money.of(1800, "EUR"),
                        1,
                        Money.of(1488, "EUR"),
                        LocalDate.of(2026, 12, 7),
                        new BookingId("b-1"))),
                Money.of(1488, "EUR"),
                Money.of(312, "EUR"),
                Money.of(1800, "EUR"),
                kind == InvoiceKind.CREDIT_NOTE ? "inv-1" : null,
                new LegalEntity(
                        "Coworkly B.V.",
                        new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                        "NL123456789B01",
                        null,
                        "Within 14 days"),
                null,
                null,
                ACME);
    }

    private static CompanyInvoiceEmails emails() {
        return new CompanyInvoiceEmails(
                database.jdbc(), new Outbox(database.jdbc()), new MessageIds(NotificationHandlers.SETTINGS));
    }

    private List<String> outbox() {
        return database.jdbc().queryForList("""
                SELECT kind || ' ' || company_id || ' ' || invoice_id || ' ' || recipient || ' ' || subject || ' '
                       || message_id
                FROM outbound_email ORDER BY recipient""", String.class);
    }

    private String body(String recipient) {
        return database.jdbc()
                .queryForObject("SELECT body FROM outbound_email WHERE recipient = ?", String.class, recipient);
    }
}
