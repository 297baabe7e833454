package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.support.ReadModelDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.coworkly.queryside.invoices.InvoiceEvents.AMSTERDAM;
import static com.coworkly.queryside.invoices.InvoiceEvents.AMSTERDAM_BV;
import static com.coworkly.queryside.invoices.InvoiceEvents.BERLIN;
import static com.coworkly.queryside.invoices.InvoiceEvents.MANAGER_OF_AMSTERDAM;
import static com.coworkly.queryside.invoices.InvoiceEvents.MAX;
import static com.coworkly.queryside.invoices.InvoiceEvents.MIA;
import static com.coworkly.queryside.invoices.InvoiceEvents.aCreditNote;
import static com.coworkly.queryside.invoices.InvoiceEvents.aVatInvoice;
import static com.coworkly.queryside.invoices.InvoiceEvents.amsterdamManaged;
import static com.coworkly.queryside.invoices.InvoiceEvents.amsterdamRegistered;
import static com.coworkly.queryside.invoices.InvoiceEvents.anInvoice;
import static com.coworkly.queryside.invoices.InvoiceEvents.berlinManaged;
import static com.coworkly.queryside.invoices.InvoiceEvents.berlinRegistered;
import static com.coworkly.queryside.invoices.InvoiceEvents.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invoices projection and its queries against PostgreSQL, without Spring: the SQL is what is tested. */
class InvoicesReadModelTest {

    private static final InvoiceListFilter EVERY_INVOICE =
            InvoiceListFilter.of(Optional.empty(), Optional.empty(), Optional.empty());

    private static ReadModelDatabase database;
    private InvoicesProjection projection;
    private InvoicesQueries queries;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void emptyReadModel() {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new InvoicesProjection(database.jdbc(), json);
        queries = new InvoicesQueries(database.jdbc(), json);
        projection.reset();
    }

    @Test
    void anInvoiceLandsWithItsNumberAsIssued() {
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));

        assertThat(queries.invoice("inv-1"))
                .contains(new InvoicesViews.InvoiceView(
                        "inv-1",
                        "booking-of-inv-1",
                        InvoiceKind.INVOICE,
                        "AMS-2026-000042",
                        "space-ams",
                        "mia",
                        LocalDate.of(2026, 11, 28),
                        "EUR",
                        new BigDecimal("21.00"),
                        List.of(new InvoicesViews.Line("Desk 1, 7 Dec 2026 09:00-11:00", 1488, 312, 1800)),
                        1488,
                        312,
                        1800,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void aVatInvoiceLandsWithTheSellerBuyerSupplyAndPaymentItNamed() {
        projection.on(aVatInvoice("inv-5", "AMS-2026-000044", "2026-11-28"));

        InvoicesViews.InvoiceView invoice = queries.invoice("inv-5").orElseThrow();

        assertThat(invoice.seller()).isEqualTo(AMSTERDAM_BV);
        assertThat(invoice.buyer()).isEqualTo(new Buyer("Mia de Vries", null, null));
        assertThat(invoice.paidOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(invoice.lines())
                .containsExactly(new InvoicesViews.Line(
                        "Booking of Desk 1, 2026-12-07 09:00–11:00 (Europe/Amsterdam)",
                        1488,
                        312,
                        1800,
                        1,
                        1488L,
                        LocalDate.of(2026, 12, 7),
                        null));
    }

    /** The document is rendered from the read model alone, and says what Article 226 asks of it. */
    @Test
    void theDocumentOfAVatInvoiceIsRenderedFromTheReadModelAsIssued() throws IOException {
        projection.on(amsterdamRegistered());
        projection.on(aVatInvoice("inv-5", "AMS-2026-000044", "2026-11-28"));

        byte[] pdf = new InvoiceDocument()
                .render(queries.printable(queries.invoice("inv-5").orElseThrow()));

        assertThat(PdfText.of(pdf))
                .contains("Coworkly Amsterdam B.V.", "NL123456789B01", "Mia de Vries", "Booking of Desk 1")
                .contains("Date of supply", "2026-12-07", "Total paid", "Paid on 2026-11-28")
                .doesNotContain("Total due");
    }

    /** An invoice issued before invoices named their parties prints as it did: the space and the member's id. */
    @Test
    void anInvoiceIssuedBeforeItNamedItsPartiesKeepsNamingNone() {
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));

        InvoicesViews.InvoiceView invoice = queries.invoice("inv-1").orElseThrow();

        assertThat(invoice.seller()).isNull();
        assertThat(invoice.buyer()).isNull();
        assertThat(invoice.lines())
                .singleElement()
                .satisfies(line -> assertThat(line.quantity()).isNull());
    }

    @Test
    void aCreditNoteLandsWithItsOwnNumberAndTheInvoiceItCredits() {
        InvoiceIssued invoice = anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28");
        projection.on(invoice);
        projection.on(aCreditNote("inv-2", "AMS-2026-000043", invoice, "2026-11-30"));

        InvoicesViews.InvoiceView creditNote = queries.invoice("inv-2").orElseThrow();

        assertThat(creditNote.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(creditNote.number()).isEqualTo("AMS-2026-000043");
        assertThat(creditNote.bookingId()).isEqualTo("booking-of-inv-1");
        assertThat(creditNote.credits()).isEqualTo("inv-1");
        assertThat(creditNote.gross()).isEqualTo(1800);
        assertThat(queries.printable(creditNote).creditedNumber()).contains("AMS-2026-000042");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        everyKindOfEvent().forEach(this::deliver);
        List<Map<String, Object>> before = rows();

        everyKindOfEvent().forEach(this::deliver);

        assertThat(rows()).isEqualTo(before);
        assertThat(queries.invoices(EVERY_INVOICE, new PageRequest(0, 100)).totalItems())
                .isEqualTo(6);
    }

    @Test
    void aResetAndReplayOfTheSameEventsWritesIdenticalRows() {
        everyKindOfEvent().forEach(this::deliver);
        List<Map<String, Object>> before = rows();

        projection.reset();
        assertThat(rows()).isEmpty();
        // In a replay, the segments may bring the spaces' events after the invoices that name them.
        List<Object> replayed = new ArrayList<>(everyKindOfEvent());
        Collections.reverse(replayed);
        replayed.forEach(this::deliver);

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anotherInvoiceWithATakenNumberIsNotSwallowed() {
        projection.on(anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28"));

        assertThatThrownBy(() -> projection.on(anInvoice("inv-9", "AMS-2026-000042", MAX, "2026-11-29")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(queries.invoice("inv-9")).isEmpty();
    }

    @Test
    void anInvoiceMixingCurrenciesIsNotStoredUnderOne() {
        Money dollars = Money.of(1800, "USD");
        InvoiceIssued mixed = new InvoiceIssued(
                new BookingId("b"),
                "inv-1",
                InvoiceKind.INVOICE,
                "AMS-2026-000042",
                AMSTERDAM,
                MIA,
                LocalDate.of(2026, 11, 28),
                new BigDecimal("21.00"),
                List.of(new InvoiceLine("Desk", eur(1488), eur(312), dollars)),
                eur(1488),
                eur(312),
                eur(1800),
                null);

        assertThatThrownBy(() -> projection.on(mixed)).isInstanceOf(IllegalStateException.class);
        assertThat(queries.invoice("inv-1")).isEmpty();
    }

    @Test
    void invoicesComeByIssueDateThenNumberAndPageStably() {
        projection.on(anInvoice("c", "AMS-2026-000003", MIA, "2026-12-02"));
        projection.on(anInvoice("b", "AMS-2026-000002", MAX, "2026-12-01"));
        projection.on(anInvoice("a", "AMS-2026-000001", MIA, "2026-12-01"));
        projection.on(anInvoice("d", "BER-2026-000001", BERLIN, MIA, "2026-11-30"));

        var first = queries.invoices(EVERY_INVOICE, new PageRequest(0, 3));
        var second = queries.invoices(EVERY_INVOICE, new PageRequest(1, 3));

        assertThat(first.items())
                .extracting(InvoicesViews.InvoiceView::number)
                .containsExactly("BER-2026-000001", "AMS-2026-000001", "AMS-2026-000002");
        assertThat(second.items()).extracting(InvoicesViews.InvoiceView::number).containsExactly("AMS-2026-000003");
        assertThat(first.totalItems()).isEqualTo(4);
        assertThat(first.totalPages()).isEqualTo(2);
    }

    @Test
    void aListFiltersBySpaceAndByIssueDatesBothInclusive() {
        projection.on(anInvoice("nov-30", "AMS-2026-000001", MIA, "2026-11-30"));
        projection.on(anInvoice("dec-01", "AMS-2026-000002", MIA, "2026-12-01"));
        projection.on(anInvoice("dec-02", "AMS-2026-000003", MIA, "2026-12-02"));
        projection.on(anInvoice("berlin", "BER-2026-000001", BERLIN, MIA, "2026-12-01"));

        assertThat(numbers(InvoiceListFilter.of(Optional.of("space-ber"), Optional.empty(), Optional.empty())))
                .containsExactly("BER-2026-000001");
        assertThat(numbers(InvoiceListFilter.of(Optional.empty(), date("2026-12-01"), date("2026-12-01"))))
                .containsExactly("AMS-2026-000002", "BER-2026-000001");
        assertThat(numbers(InvoiceListFilter.of(Optional.of("space-ams"), date("2026-12-01"), Optional.empty())))
                .containsExactly("AMS-2026-000002", "AMS-2026-000003");
        assertThat(numbers(InvoiceListFilter.of(Optional.empty(), Optional.empty(), date("2026-11-30"))))
                .containsExactly("AMS-2026-000001");
    }

    @Test
    void aToBeforeFromIsRefusedAsBadInput() {
        assertThatThrownBy(() -> InvoiceListFilter.of(Optional.empty(), date("2026-12-02"), date("2026-12-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aManagersListHoldsOnlyTheSpacesGrantedToThem() {
        projection.on(amsterdamManaged());
        projection.on(berlinManaged());
        projection.on(anInvoice("ams", "AMS-2026-000001", MIA, "2026-12-01"));
        projection.on(anInvoice("ber", "BER-2026-000001", BERLIN, MIA, "2026-12-01"));

        assertThat(numbers(EVERY_INVOICE.onlyManagedBy(MANAGER_OF_AMSTERDAM.value())))
                .containsExactly("AMS-2026-000001");
        assertThat(numbers(EVERY_INVOICE.onlyManagedBy("nobody"))).isEmpty();
    }

    @Test
    void aMembersOwnInvoicesComeInTheSameOrder() {
        projection.on(anInvoice("later", "AMS-2026-000002", MIA, "2026-12-02"));
        projection.on(anInvoice("earlier", "BER-2026-000001", BERLIN, MIA, "2026-12-01"));
        projection.on(anInvoice("not-hers", "AMS-2026-000001", MAX, "2026-12-01"));

        var mine = queries.ofMember("mia", new PageRequest(0, 20));

        assertThat(mine.items())
                .extracting(InvoicesViews.InvoiceView::invoiceId)
                .containsExactly("earlier", "later");
        assertThat(mine.totalItems()).isEqualTo(2);
    }

    @Test
    void aPrintableInvoiceNamesItsSpaceOnceTheSpaceIsKnown() {
        InvoiceIssued invoice = anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28");
        projection.on(invoice);
        InvoicesViews.InvoiceView view = queries.invoice("inv-1").orElseThrow();
        assertThat(queries.printable(view).space()).isEmpty();

        projection.on(amsterdamRegistered());

        assertThat(queries.printable(view).space())
                .contains(new InvoicesViews.IssuingSpace(
                        "Amsterdam Central", "Stationsplein 1", "1012 AB", "Amsterdam", "NL"));
        assertThat(queries.printable(view).creditedNumber()).isEmpty();
    }

    /** Two spaces, their managers, and an invoice and a credit note in each. */
    private static List<Object> everyKindOfEvent() {
        InvoiceIssued amsterdam = anInvoice("inv-1", "AMS-2026-000042", MIA, "2026-11-28");
        InvoiceIssued berlin = anInvoice("inv-3", "BER-2026-000007", BERLIN, MAX, "2026-11-29");
        InvoiceIssued named = aVatInvoice("inv-5", "AMS-2026-000044", "2026-12-02");
        return List.of(
                amsterdamRegistered(),
                berlinRegistered(),
                amsterdamManaged(),
                berlinManaged(),
                amsterdam,
                aCreditNote("inv-2", "AMS-2026-000043", amsterdam, "2026-11-30"),
                berlin,
                aCreditNote("inv-4", "BER-2026-000008", berlin, "2026-12-01"),
                named,
                aCreditNote("inv-6", "AMS-2026-000045", named, "2026-12-03"));
    }

    private void deliver(Object event) {
        if (event instanceof InvoiceIssued issued) {
            projection.on(issued);
        } else if (event instanceof SpaceRegistered registered) {
            projection.on(registered);
        } else if (event instanceof ManagerGranted granted) {
            projection.on(granted);
        } else {
            throw new IllegalArgumentException("not followed here: " + event);
        }
    }

    /** Every row of the read model's tables, as text, in a fixed order. */
    private static List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("""
                SELECT 'invoice' AS t, to_jsonb(i)::text AS row FROM invoice_view i
                UNION ALL SELECT 'space', to_jsonb(s)::text FROM invoice_space s
                UNION ALL SELECT 'manager', to_jsonb(m)::text FROM invoice_space_manager m
                ORDER BY 1, 2""");
    }

    private List<String> numbers(InvoiceListFilter filter) {
        return queries.invoices(filter, new PageRequest(0, 20)).items().stream()
                .map(InvoicesViews.InvoiceView::number)
                .toList();
    }

    private static Optional<LocalDate> date(String date) {
        return Optional.of(LocalDate.parse(date));
    }
}
