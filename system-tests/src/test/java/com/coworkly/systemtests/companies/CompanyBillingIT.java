package com.coworkly.systemtests.companies;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A company member's bookings go on the company's monthly invoice (decision 38), not paid one by one. The shared
 * system's company bills close every 10 seconds instead of monthly ({@code BOOKING_COMPANY_BILLING_CYCLE}, see
 * {@code SharedSystem}), so that a month's invoice is issued while the test waits.
 */
@ExtendWith(SharedSystem.class)
class CompanyBillingIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem running) {
        api = running.api();
        events = running.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void aCompanyMembersBookingsAreOnTheCompanysMonthlyInvoiceAndACancellationAfterItIsACreditNote()
            throws IOException {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Billed space " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk 1"));
        String companyName = "Acme " + UUID.randomUUID();
        String company = Companies.register(api, Companies.aCompany(companyName));
        Api.Session office = api.newMember();
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/administrators", Map.of("memberId", office.memberId()))
                .expectStatus(200);
        Api.Session ben = api.newMember();
        api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/members", Map.of("memberId", ben.memberId()))
                .expectStatus(200);
        ZonedDateTime start = inDays(14, 9, 0);

        Reply kept = book(ben, desk, start);
        Reply cancelledFree = book(ben, desk, start.plusHours(3));
        Reply cancelledLate = book(
                ben,
                desk,
                ZonedDateTime.now(start.getZone())
                        .plusHours(2)
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0));
        for (Reply booked : List.of(kept, cancelledFree, cancelledLate)) {
            assertThat(booked.body().get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(booked.body().get("billedToCompanyId").asText()).isEqualTo(company);
            assertThat(booked.body().path("payment").isNull()
                            || booked.body().path("payment").isMissingNode())
                    .as("nothing to pay by card")
                    .isTrue();
            assertThat(events.countOf("PaymentRequested", idOf(booked))).isZero();
        }
        long price = kept.body().get("price").asLong();
        cancel(ben, idOf(cancelledFree)).expectStatus(200);
        Reply late = cancel(ben, idOf(cancelledLate)).expectStatus(200);
        assertThat(late.body().get("refund").asLong())
                .as("no card paid, so none is refunded")
                .isZero();
        long fee = late.body().get("fee").asLong();
        assertThat(fee).isPositive();

        JsonNode invoice = await().atMost(Duration.ofSeconds(60))
                .until(() -> invoiceWith(office, company, idOf(kept)), found -> found != null);
        assertThat(invoice.get("companyId").asText()).isEqualTo(company);
        assertThat(invoice.get("buyer").get("name").asText()).isEqualTo(companyName);
        assertThat(invoice.get("buyer").get("vatNumber").asText()).isEqualTo("NL123456789B01");
        assertThat(invoice.get("buyer").get("billingAddress").get("city").asText())
                .isEqualTo("Amsterdam");
        assertThat(invoice.path("paidOn").isNull() || invoice.path("paidOn").isMissingNode())
                .as("a company pays on terms")
                .isTrue();
        assertThat(invoice.path("bookingId").isNull()
                        || invoice.path("bookingId").isMissingNode())
                .isTrue();

        // The free and the late cancellation may fall on either side of the bill's close: before it, the invoice
        // charges only the fee; after it, a credit note gives back the rest. Either way the company pays the fee.
        cancel(ben, idOf(kept)).expectStatus(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> chargedFor(office, company, idOf(kept)) == 0);
        assertThat(chargedFor(office, company, idOf(cancelledFree))).isZero();
        assertThat(chargedFor(office, company, idOf(cancelledLate))).isEqualTo(fee);
        JsonNode creditNote = documents(office, company).stream()
                .filter(document -> document.get("kind").asText().equals("CREDIT_NOTE")
                        && linesOf(document).stream()
                                .anyMatch(line -> line.get("bookingId").asText().equals(idOf(kept))))
                .findFirst()
                .orElseThrow();
        assertThat(creditNote.get("credits").asText())
                .isEqualTo(invoice.get("invoiceId").asText());
        assertThat(creditNote.get("gross").asLong()).isEqualTo(price);

        String text = textOf(api.querySide()
                .as(office)
                .getBytes("/api/invoices/" + invoice.get("invoiceId").asText() + "/pdf"));
        assertThat(text)
                .contains(companyName)
                .contains("Customer VAT number NL123456789B01")
                .contains("Booking of Desk 1")
                .contains("Total due");
    }

    @Test
    void onlyTheCompanysAdministratorsAndTheNetworksReadItsInvoices() {
        String company = Companies.register(api, Companies.aCompany("Private " + UUID.randomUUID()));
        api.querySide()
                .as(api.newMember())
                .get("/api/companies/" + company + "/invoices")
                .expectProblem(403, "NOT_YOUR_COMPANY");
        api.querySide().as(admin).get("/api/companies/" + company + "/invoices").expectStatus(200);
        api.querySide()
                .as(api.signIn(Api.OPERATOR))
                .get("/api/companies/" + company + "/invoices")
                .expectStatus(200);
    }

    private Reply book(Api.Session member, String desk, ZonedDateTime from) {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, from, from.plusHours(2)))
                .expectStatus(201);
    }

    private Reply cancel(Api.Session member, String bookingId) {
        return api.commandSide().as(member).post("/api/bookings/" + bookingId + "/cancel", Map.of());
    }

    private JsonNode invoiceWith(Api.Session office, String company, String bookingId) {
        return documents(office, company).stream()
                .filter(document -> document.get("kind").asText().equals("INVOICE"))
                .filter(document -> linesOf(document).stream()
                        .anyMatch(line -> line.get("bookingId").asText().equals(bookingId)))
                .findFirst()
                .orElse(null);
    }

    /** What the company's invoices charge for a booking, less what its credit notes gave back. */
    private long chargedFor(Api.Session office, String company, String bookingId) {
        Map<String, Long> net = new HashMap<>();
        for (JsonNode document : documents(office, company)) {
            long sign = document.get("kind").asText().equals("INVOICE") ? 1 : -1;
            for (JsonNode line : linesOf(document)) {
                net.merge(
                        line.get("bookingId").asText(), sign * line.get("gross").asLong(), Long::sum);
            }
        }
        return net.getOrDefault(bookingId, 0L);
    }

    private List<JsonNode> documents(Api.Session office, String company) {
        List<JsonNode> documents = new ArrayList<>();
        api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/invoices?size=100")
                .expectStatus(200)
                .body()
                .get("items")
                .forEach(documents::add);
        return documents;
    }

    private static List<JsonNode> linesOf(JsonNode document) {
        List<JsonNode> lines = new ArrayList<>();
        document.get("lines").forEach(lines::add);
        return lines;
    }

    private static String idOf(Reply booked) {
        return booked.body().get("bookingId").asText();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
