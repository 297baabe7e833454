package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.stream.Stream;

/**
 * Keeps the invoices read model: one row per invoice or credit note, exactly as issued, and its own copies of
 * the issuing spaces' names and addresses (for the document's header), of their managers (who may read
 * their invoices) and of companies' administrators (who may read their companies'), so that this read model can be
 * replayed on its own.
 *
 * <p>Every handler inserts and never overwrites, so a redelivered or replayed event changes nothing. Numbers
 * come from the events: a replay writes the same rows again. A different invoice arriving with a number already
 * taken in its space is not swallowed: the unique (space, number) refuses it and the processor stops on it
 * (see the dead-letter gap in docs/architecture.md).
 */
@Component
@ProcessingGroup(InvoicesProjection.GROUP)
class InvoicesProjection {

    static final String GROUP = "invoices";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    InvoicesProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        jdbc.update(
                """
                INSERT INTO invoice_view (invoice_id, booking_id, kind, number, space_id, member_id, issued_on,
                                          currency, net, vat, gross, vat_rate_percent, lines, credits,
                                          seller, buyer, paid_on, company_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?)
                ON CONFLICT (invoice_id) DO NOTHING""",
                event.invoiceId(),
                event.bookingId() == null ? null : event.bookingId().value(),
                event.kind().name(),
                event.number(),
                event.spaceId().value(),
                event.memberId() == null ? null : event.memberId().value(),
                event.issuedOn(),
                currencyOf(event).getCurrencyCode(),
                event.net().minorUnits(),
                event.vat().minorUnits(),
                event.gross().minorUnits(),
                event.vatRatePercent(),
                linesAsJson(event),
                event.credits(),
                asJson(event.seller()),
                asJson(event.buyer()),
                event.paidOn(),
                event.companyId() == null ? null : event.companyId().value());
    }

    @EventHandler
    void on(CompanyAdministratorAppointed event) {
        jdbc.update(
                "INSERT INTO invoice_company_administrator (company_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.companyId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                """
                INSERT INTO invoice_space (space_id, name, street, postal_code, city, country_code)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (space_id) DO NOTHING""",
                event.spaceId().value(),
                event.name(),
                event.address().street(),
                event.address().postalCode(),
                event.address().city(),
                event.address().countryCode());
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update(
                "INSERT INTO invoice_space_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE invoice_view, invoice_space, invoice_space_manager, invoice_company_administrator");
    }

    /** The table keeps one currency per invoice, so lines and totals in another could not be told apart. */
    private static Currency currencyOf(InvoiceIssued event) {
        Currency currency = event.gross().currency();
        boolean oneCurrency = Stream.concat(
                        Stream.of(event.net(), event.vat()),
                        event.lines().stream().flatMap(line -> Stream.of(line.net(), line.vat(), line.gross())))
                .allMatch(money -> money.isIn(currency));
        if (!oneCurrency) {
            throw new IllegalStateException("invoice " + event.invoiceId() + " mixes currencies");
        }
        return currency;
    }

    private String linesAsJson(InvoiceIssued event) {
        return asJson(event.lines().stream()
                .map(line -> new InvoicesViews.Line(
                        line.description(),
                        line.net().minorUnits(),
                        line.vat().minorUnits(),
                        line.gross().minorUnits(),
                        line.quantity(),
                        line.unitNet() == null ? null : line.unitNet().minorUnits(),
                        line.suppliedOn(),
                        line.bookingId() == null ? null : line.bookingId().value()))
                .toList());
    }

    /** Null stays SQL NULL: an invoice issued before it named its seller or buyer names none here either. */
    private String asJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("what an invoice names is always serializable", e);
        }
    }
}
