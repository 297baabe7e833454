package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.invoicing.Buyer;
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

    /**
     * The content EU VAT directive Article 226 requires of an invoice, read back from the PDF by PDFBox: (1) the
     * date of issue, (2) a sequential number, (3) the seller's VAT number, (4) the buyer's VAT number where the
     * buyer is liable (a company: members are not, so none is printed), (5) full names and addresses of seller and
     * buyer (members give no address yet), (6) quantity and nature of the service, (7) the date of supply, (8) the
     * taxable amount per rate and the unit price without VAT, (9) the VAT rate, (10) the VAT amount.
     */
    @Test
    void aVatInvoiceStatesWhatArticle226AsksOfIt() throws IOException {
        String text = PdfText.of(documents.render(
                new InvoicesViews.PrintableInvoice(aVatInvoice(), Optional.of(AMSTERDAM_CENTRAL), Optional.empty())));

        assertThat(text).contains("Issue date", "2026-11-28"); // (1)
        assertThat(text).contains("Number", "AMS-2026-000042"); // (2)
        assertThat(text).contains("VAT number: NL123456789B01"); // (3)
        assertThat(text).contains("Coworkly Amsterdam B.V.", "Stationsplein 1", "1012 AB Amsterdam", "NL"); // (5)
        assertThat(text).contains("Registration number: KvK 12345678", "Customer", "Mia de Vries"); // (5)
        assertThat(text).contains("Booking of Desk 1, 2026-12-07 09:00", "Qty", "1"); // (6)
        assertThat(text).contains("Date of supply", "2026-12-07"); // (7)
        assertThat(text).contains("Unit price excl. VAT", "Taxable amount at 21 %", "14.88 EUR"); // (8)
        assertThat(text).contains("VAT rate", "21 %"); // (9)
        assertThat(text).contains("VAT 21 %", "3.12 EUR", "18.00 EUR"); // (10)
        assertThat(text).doesNotContain("Customer VAT number"); // (4): a private person
    }

    @Test
    void aBuyerLiableForVatIsNamedWithAddressAndVatNumber() throws IOException {
        InvoicesViews.InvoiceView company = withBuyer(
                aVatInvoice(),
                new Buyer("Acme B.V.", new Address("Damrak 1", "1012 LG", "Amsterdam", "NL"), "NL987654321B01"));

        String text = PdfText.of(documents.render(
                new InvoicesViews.PrintableInvoice(company, Optional.of(AMSTERDAM_CENTRAL), Optional.empty())));

        assertThat(text)
                .contains("Acme B.V.", "Damrak 1", "1012 LG Amsterdam", "Customer VAT number", "NL987654321B01");
    }

    @Test
    void aPaidInvoiceSaysItIsPaidNotDue() throws IOException {
        String text = PdfText.of(documents.render(
                new InvoicesViews.PrintableInvoice(aVatInvoice(), Optional.of(AMSTERDAM_CENTRAL), Optional.empty())));

        assertThat(text).contains("Total paid", "Paid on 2026-11-28").doesNotContain("Total due");
    }

    @Test
    void anInvoiceStillDueSaysSoWithTheSellersPaymentTerms() throws IOException {
        InvoicesViews.InvoiceView paid = aVatInvoice();
        InvoicesViews.InvoiceView due = new InvoicesViews.InvoiceView(
                paid.invoiceId(),
                paid.bookingId(),
                paid.kind(),
                paid.number(),
                paid.spaceId(),
                paid.memberId(),
                paid.issuedOn(),
                paid.currency(),
                paid.vatRatePercent(),
                paid.lines(),
                paid.net(),
                paid.vat(),
                paid.gross(),
                null,
                paid.seller(),
                paid.buyer(),
                null,
                null);

        String text = PdfText.of(documents.render(
                new InvoicesViews.PrintableInvoice(due, Optional.of(AMSTERDAM_CENTRAL), Optional.empty())));

        assertThat(text).contains("Total due", "Payment terms: Within 14 days").doesNotContain("Total paid");
    }

    /** Every font the document uses travels with it, labels included: no reader substitutes one. */
    @Test
    void everyFontIsEmbedded() throws IOException {
        byte[] pdf = documents.render(
                new InvoicesViews.PrintableInvoice(aVatInvoice(), Optional.of(AMSTERDAM_CENTRAL), Optional.empty()));

        assertThat(PdfText.fontCount(pdf)).isPositive();
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
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
                "inv-1",
                null,
                null,
                null,
                null);

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
                null,
                null,
                null,
                null,
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
                null,
                null,
                null,
                null,
                null);
    }

    private static InvoicesViews.InvoiceView aVatInvoice() {
        InvoicesViews.InvoiceView invoice = anInvoice();
        return withBuyer(
                new InvoicesViews.InvoiceView(
                        invoice.invoiceId(),
                        invoice.bookingId(),
                        invoice.kind(),
                        invoice.number(),
                        invoice.spaceId(),
                        invoice.memberId(),
                        invoice.issuedOn(),
                        invoice.currency(),
                        invoice.vatRatePercent(),
                        List.of(new InvoicesViews.Line(
                                "Booking of Desk 1, 2026-12-07 09:00–11:00 (Europe/Amsterdam)",
                                1488,
                                312,
                                1800,
                                1,
                                1488L,
                                LocalDate.of(2026, 12, 7),
                                null)),
                        invoice.net(),
                        invoice.vat(),
                        invoice.gross(),
                        null,
                        new LegalEntity(
                                "Coworkly Amsterdam B.V.",
                                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                                "NL123456789B01",
                                "KvK 12345678",
                                "Within 14 days"),
                        null,
                        invoice.issuedOn(),
                        null),
                new Buyer("Mia de Vries", null, null));
    }

    private static InvoicesViews.InvoiceView withBuyer(InvoicesViews.InvoiceView invoice, Buyer buyer) {
        return new InvoicesViews.InvoiceView(
                invoice.invoiceId(),
                invoice.bookingId(),
                invoice.kind(),
                invoice.number(),
                invoice.spaceId(),
                invoice.memberId(),
                invoice.issuedOn(),
                invoice.currency(),
                invoice.vatRatePercent(),
                invoice.lines(),
                invoice.net(),
                invoice.vat(),
                invoice.gross(),
                invoice.credits(),
                invoice.seller(),
                buyer,
                invoice.paidOn(),
                invoice.companyId());
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
