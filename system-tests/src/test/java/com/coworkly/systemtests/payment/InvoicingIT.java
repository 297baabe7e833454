package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 8: invoices and credit notes are numbered gaplessly per series and year, also when payments race. */
@ExtendWith(SharedSystem.class)
class InvoicingIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String desk;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Invoicing " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
    }

    @Test
    void paymentsRacingInOneSpaceGetGaplessNumbers() throws Exception {
        int payments = 8;
        List<String> bookings = IntStream.range(0, payments)
                .mapToObj(i -> api.commandSide()
                        .as(api.newMember())
                        .post("/api/bookings", aBooking(desk, inDays(3 + i, 10, 0), inDays(3 + i, 12, 0)))
                        .expectStatus(201)
                        .body()
                        .get("bookingId")
                        .asText())
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(payments);
        try {
            List<Callable<Integer>> webhooks = bookings.stream()
                    .<Callable<Integer>>map(booking -> () -> api.pay(booking).status())
                    .toList();
            assertThat(pool.invokeAll(webhooks))
                    .allSatisfy(status -> assertThat(status.get()).isEqualTo(200));
        } finally {
            pool.shutdownNow();
        }

        int year = LocalDate.now(AMSTERDAM).getYear();
        String prefix = prefixOfTheSpace();
        assertThat(numbersOfTheSpace())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, payments)
                        .mapToObj(n -> "%s-%d-%06d".formatted(prefix, year, n))
                        .toList());
    }

    @Test
    void aLateCancellationCreditsTheInvoiceAndInvoicesTheFee() {
        Api.Session member = api.newMember();
        ZonedDateTime soon = ZonedDateTime.now(AMSTERDAM)
                .plusHours(2)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, soon, soon.plusHours(2)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(booking);

        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);

        List<String> documents = events.strings("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'kind' || ' ' || (convert_from(payload, 'UTF8')::jsonb
                       -> 'gross' ->> 'minorUnits')
                FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%InvoiceIssued' ORDER BY sequence_number""", booking);
        assertThat(documents).containsExactly("INVOICE 1200", "CREDIT_NOTE 1200", "INVOICE 600");
        int year = LocalDate.now(AMSTERDAM).getYear();
        String prefix = prefixOfTheSpace();
        assertThat(numbersOfTheSpace())
                .containsExactly(
                        "%s-%d-000001".formatted(prefix, year),
                        "%s-%d-000002".formatted(prefix, year),
                        "%s-%d-000003".formatted(prefix, year));
    }

    @Test
    void theMemberTheManagerAndAdministratorsReadTheInvoiceAndItsPdf() {
        Api.Session member = api.newMember();
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(5, 9, 0), inDays(5, 11, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        long paid = api.pay(booking).eventPosition();

        JsonNode mine = api.querySide()
                .as(member)
                .get("/api/members/me/invoices?after=" + paid)
                .expectStatus(200)
                .body();
        assertThat(mine.get("totalItems").asLong()).isEqualTo(1);
        JsonNode invoice = mine.get("items").get(0);
        assertThat(invoice.get("kind").asText()).isEqualTo("INVOICE");
        assertThat(invoice.get("bookingId").asText()).isEqualTo(booking);
        assertThat(invoice.get("gross").asLong()).isEqualTo(1200);
        assertThat(invoice.get("net").asLong() + invoice.get("vat").asLong()).isEqualTo(1200);
        assertThat(invoice.get("vat").asLong()).isEqualTo(208);
        String path = "/api/invoices/" + invoice.get("invoiceId").asText();

        assertThat(api.querySide()
                        .as(space.manager())
                        .get(path)
                        .expectStatus(200)
                        .body())
                .isEqualTo(invoice);
        api.querySide().as(api.signIn(Api.ADMIN)).get(path).expectStatus(200);
        api.querySide().as(api.newMember()).get(path).expectProblem(403, "NOT_YOUR_INVOICE");
        assertThat(api.querySide()
                        .as(space.manager())
                        .get("/api/invoices?spaceId=" + space.spaceId())
                        .body()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(1);
        Reply pdf = api.querySide().as(member).get(path + "/pdf").expectStatus(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.raw()).startsWith("%PDF");
    }

    /**
     * Every test's space is named "Invoicing …" and numbers in a series of its own: the first takes INV, the
     * next ones INV2, INV3, … (decision 37).
     */
    private String prefixOfTheSpace() {
        String first = numbersOfTheSpace().get(0);
        String prefix = first.substring(0, first.indexOf('-'));
        assertThat(prefix).matches("INV[0-9]*");
        return prefix;
    }

    private List<String> numbersOfTheSpace() {
        return events.strings("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'number' FROM event_store.domain_event_entry
                WHERE payload_type LIKE '%InvoiceIssued' AND convert_from(payload, 'UTF8')::jsonb ->> 'spaceId' = ?
                ORDER BY 1""", space.spaceId());
    }
}
