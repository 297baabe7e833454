package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
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
import java.time.LocalDate;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices that pass as EU VAT invoices (decision 37), over HTTP: two spaces whose names start alike number in
 * series of their own, and the PDF, read back by PDFBox, states what Article 226 asks of an invoice.
 */
@ExtendWith(SharedSystem.class)
class VatInvoicesIT {

    private Api api;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
    }

    @Test
    void twoSpacesWhoseNamesStartAlikeIssueDistinctNumbers() {
        JsonNode central = aPaidInvoiceIn(Catalogue.aManagedSpace(api, "Amsterdam Central " + UUID.randomUUID()));
        JsonNode south = aPaidInvoiceIn(Catalogue.aManagedSpace(api, "Amsterdam South " + UUID.randomUUID()));

        String centralNumber = central.get("number").asText();
        String southNumber = south.get("number").asText();
        assertThat(centralNumber).startsWith("AMS").isNotEqualTo(southNumber);
        assertThat(southNumber).startsWith("AMS");
        assertThat(prefixOf(centralNumber)).isNotEqualTo(prefixOf(southNumber));
    }

    @Test
    void theInvoicePdfStatesWhatArticle226AsksOfIt() throws IOException {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Amsterdam VAT " + UUID.randomUUID());
        api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .put(
                        "/api/spaces/" + space.spaceId() + "/legal-entity",
                        Catalogue.aLegalEntity("Coworkly Keizersgracht B.V."))
                .expectStatus(200);
        JsonNode invoice = aPaidInvoiceIn(space);

        assertThat(invoice.get("seller").get("vatNumber").asText()).isEqualTo("NL123456789B01");
        assertThat(invoice.get("buyer").get("name").asText()).isEqualTo("Test Member");
        String text = textOf(api.querySide()
                .as(api.signIn(Api.ADMIN))
                .getBytes("/api/invoices/" + invoice.get("invoiceId").asText() + "/pdf"));
        String today = LocalDate.now(AMSTERDAM).toString();
        assertThat(text)
                .contains("Issue date " + today) // date of issue
                .contains("Number " + invoice.get("number").asText()) // sequential number
                .contains("Coworkly Keizersgracht B.V.", "Keizersgracht 1", "1015 CC Amsterdam") // seller
                .contains("VAT number: NL123456789B01") // seller's VAT id
                .contains("Customer Test Member") // buyer (a private person: no VAT id, no address given)
                .contains("Booking of Test desk") // nature of the service, the resource by name
                .contains("Qty", "Unit price excl. VAT") // quantity, unit price without VAT
                .contains("Date of supply " + inDays(4, 9, 0).toLocalDate()) // date of supply
                .contains("Taxable amount at 21 %", "VAT rate", "VAT 21 %") // taxable amount, rate, VAT
                .contains("Total paid", "Paid on " + today)
                .doesNotContain("Total due");
    }

    private JsonNode aPaidInvoiceIn(Catalogue.ManagedSpace space) {
        String desk = addResource(api, space, anAlwaysOpenDesk("Test desk"));
        Api.Session member = api.newMember();
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(4, 9, 0), inDays(4, 11, 0)))
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
        return mine.get("items").get(0);
    }

    private static String prefixOf(String number) {
        return number.substring(0, number.indexOf('-'));
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
