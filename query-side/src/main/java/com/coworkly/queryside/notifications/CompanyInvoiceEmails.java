package com.coworkly.queryside.notifications;

import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyRegistered;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * "Invoice issued" to each administrator of a company when its monthly invoice is issued (decision 38), written to
 * the {@link Outbox} as the other emails are: in the single-segment processor's transaction, never in a replay, and
 * once per invoice and recipient by the outbox's unique key. The company's name and administrators are kept here,
 * and rebuilt by a replay. Credit notes are not emailed: they follow a cancellation the company's member made.
 */
@Component
@ProcessingGroup(BookingEmails.GROUP)
class CompanyInvoiceEmails {

    private static final Logger log = LoggerFactory.getLogger(CompanyInvoiceEmails.class);

    private record Recipient(String email, String name) {}

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final MessageIds messageIds;

    CompanyInvoiceEmails(JdbcTemplate jdbc, Outbox outbox, MessageIds messageIds) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messageIds = messageIds;
    }

    @EventHandler
    void on(CompanyRegistered event) {
        jdbc.update(
                "INSERT INTO notification_company (company_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.companyId().value(),
                event.name());
    }

    @EventHandler
    void on(CompanyAdministratorAppointed event) {
        jdbc.update(
                "INSERT INTO notification_company_administrator (company_id, member_id) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING",
                event.companyId().value(),
                event.memberId().value());
    }

    @EventHandler
    @DisallowReplay
    void on(InvoiceIssued event) {
        if (event.companyId() == null || event.kind() != InvoiceKind.INVOICE) {
            return;
        }
        String company = jdbc.queryForObject(
                "SELECT name FROM notification_company WHERE company_id = ?",
                String.class,
                event.companyId().value());
        List<Recipient> administrators = jdbc.query(
                """
                SELECT m.email, m.name FROM notification_company_administrator a
                JOIN notification_member m USING (member_id)
                WHERE a.company_id = ? ORDER BY m.email""",
                (row, n) -> new Recipient(row.getString("email"), row.getString("name")),
                event.companyId().value());
        if (administrators.isEmpty()) {
            log.info(
                    "Company {} has no administrator to send invoice {} to",
                    event.companyId().value(),
                    event.number());
        }
        for (Recipient administrator : administrators) {
            outbox.add(
                    event.companyId(),
                    event.invoiceId(),
                    EmailKind.COMPANY_INVOICE_ISSUED,
                    invoiceIssued(company, administrator, event),
                    messageIds.of(event.companyId(), event.invoiceId(), EmailKind.COMPANY_INVOICE_ISSUED));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE notification_company, notification_company_administrator");
    }

    private static Email invoiceIssued(String company, Recipient administrator, InvoiceIssued invoice) {
        String body = """
                Dear %s,

                the monthly invoice for the bookings of %s's members has been issued.

                Invoice:  %s
                Issued:   %s
                Bookings: %d
                Total:    %s (of which VAT %s)
                %s
                You can download it as a PDF from your company's invoices.

                Coworkly
                """.formatted(
                EmailTemplates.oneLine(administrator.name()),
                EmailTemplates.oneLine(company),
                invoice.number(),
                invoice.issuedOn(),
                invoice.lines().size(),
                EmailTemplates.money(invoice.gross()),
                EmailTemplates.money(invoice.vat()),
                invoice.seller() != null && invoice.seller().paymentTerms() != null
                        ? "Payment terms: "
                                + EmailTemplates.oneLine(invoice.seller().paymentTerms()) + "\n"
                        : "");
        return new Email(
                administrator.email(), "Invoice " + invoice.number() + " for " + EmailTemplates.oneLine(company), body);
    }
}
