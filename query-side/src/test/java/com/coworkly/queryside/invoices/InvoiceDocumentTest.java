package com.coworkly.queryside.invoices;

import com.coworkly.events.invoicing.InvoiceKind;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF of an invoice, read back with OpenPDF's own text extractor. */
class InvoiceDocumentTest {

    private static final InvoicesViews.IssuingSpace AMSTERDAM_CENTRAL =
            new InvoicesViews.IssuingSpace("Amsterdam Central", "Stationsplein 1", "1012 AB", "Amsterdam", "NL");

    private final InvoiceDocument documents = new InvoiceDocument();

    @Test
    void anInvoiceIsAPdfWithItsNumberSpaceLinesAndTotals() throws IOException {
        byte[] pdf = documents.render(
                new InvoicesViews.PrintableInvoice(anInvoice(), Optional.of(AMSTERDAM_CENTRAL), Optional.empty()));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(textOf(pdf))
                .contains("Invoice", "AMS-2026-000042", "2026-11-28", "mia")
                .contains("Amsterdam Central", "Stationsplein 1", "1012 AB Amsterdam")
                .contains("Desk 1, 7 Dec 2026 09:00-11:00", "14.88 EUR", "3.12 EUR", "18.00 EUR")
                .contains("VAT 21 %")
                .doesNotContain("Credit note");
    }

    @Test
    void aCreditNoteIsTitledSoAndNamesTheInvoiceItCredits() throws IOException {
        InvoicesViews.InvoiceView creditNote = new InvoicesViews.InvoiceView(
                "inv-2",
                "booking-1",
                InvoiceKind.CREDIT_NOTE,
                "AMS-2026-000043",
                "space-ams",
                "mia",
                LocalDate.of(2026, 11, 30),
                "EUR",
                new BigDecimal("21.00"),
                anInvoice().lines(),
                1488,
                312,
                1800,
                "inv-1");

        String text = textOf(documents.render(new InvoicesViews.PrintableInvoice(
                creditNote, Optional.of(AMSTERDAM_CENTRAL), Optional.of("AMS-2026-000042"))));

        assertThat(text).contains("Credit note", "AMS-2026-000043", "Credits invoice", "AMS-2026-000042", "18.00 EUR");
    }

    @Test
    void textFromEventsIsPrintedAsWrittenNeverInterpreted() throws IOException {
        InvoicesViews.InvoiceView invoice = anInvoice();
        InvoicesViews.InvoiceView withMarkup = new InvoicesViews.InvoiceView(
                invoice.invoiceId(),
                invoice.bookingId(),
                invoice.kind(),
                invoice.number(),
                invoice.spaceId(),
                invoice.memberId(),
                invoice.issuedOn(),
                invoice.currency(),
                invoice.vatRatePercent(),
                List.of(new InvoicesViews.Line("<b>Desk</b> & {{total}} %PDF ${x}", 1488, 312, 1800)),
                invoice.net(),
                invoice.vat(),
                invoice.gross(),
                null);
        InvoicesViews.IssuingSpace polish =
                new InvoicesViews.IssuingSpace("Łódź Fabryka <i>", "Ulica Piotrkowska 1", "90-001", "Łódź", "PL");

        String text = textOf(documents.render(
                new InvoicesViews.PrintableInvoice(withMarkup, Optional.of(polish), Optional.empty())));

        assertThat(text).contains("<b>Desk</b> & {{total}} %PDF ${x}", "Łódź Fabryka <i>", "90-001 Łódź");
    }

    @Test
    void aCharacterTheFontCannotDrawPrintsAsASquareNotAsNothing() throws IOException {
        InvoicesViews.IssuingSpace tokyo = new InvoicesViews.IssuingSpace(
                "Desk 日本 \uD83D\uDE80 מרכז", "\uFEFFMarunouchi\t1", "100-0005", "Tokyo", "JP");

        String text = textOf(documents.render(
                new InvoicesViews.PrintableInvoice(anInvoice(), Optional.of(tokyo), Optional.empty())));

        assertThat(text)
                .contains("Desk \u25A1\u25A1 \u25A1 מרכז", "Marunouchi 1")
                .doesNotContain("\uFEFF");
    }

    @Test
    void anInvoiceOfASpaceNotYetKnownHereStillPrintsWithTheSpacesId() throws IOException {
        String text = textOf(
                documents.render(new InvoicesViews.PrintableInvoice(anInvoice(), Optional.empty(), Optional.empty())));

        assertThat(text).contains("Space space-ams", "AMS-2026-000042", "18.00 EUR");
    }

    @Test
    void moneyIsWrittenWithItsCurrencysFractionDigits() {
        assertThat(MoneyText.of(1200, "EUR")).isEqualTo("12.00 EUR");
        assertThat(MoneyText.of(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(MoneyText.of(0, "CHF")).isEqualTo("0.00 CHF");
        assertThat(MoneyText.of(1200, "JPY")).isEqualTo("1200 JPY");
        assertThat(MoneyText.of(1200, "BHD")).isEqualTo("1.200 BHD");
    }

    private static InvoicesViews.InvoiceView anInvoice() {
        return new InvoicesViews.InvoiceView(
                "inv-1",
                "booking-1",
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
                null);
    }

    private static String textOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
