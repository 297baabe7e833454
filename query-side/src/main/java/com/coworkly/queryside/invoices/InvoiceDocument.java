package com.coworkly.queryside.invoices;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.invoicing.Buyer;
import com.coworkly.events.invoicing.InvoiceKind;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An invoice or credit note as an A4 PDF, with what EU VAT directive Article 226 asks of an invoice: the seller's
 * full name, address and VAT number (with its registration number), the issue date and the sequential number, the
 * buyer's name (and address and VAT number when the invoice names them), per line the nature of the service (the
 * resource by name and the period), the quantity, the unit price without VAT, the VAT rate and the day of supply,
 * then the taxable amount at its rate, the VAT and the total. A paid invoice says it is paid and when; one still
 * due says so, with the seller's payment terms; a credit note names the invoice it credits. Every value comes from
 * the invoice as issued. An invoice issued before invoices named seller and buyer prints as it did: the space as
 * its header and the member's id.
 *
 * <p>Whatever came from events (descriptions, names, addresses) is placed as plain text runs: nothing in it is
 * read as markup. Everything, labels included, is set in Liberation Sans, which OpenPDF ships (its
 * {@code font-fallback}) and which is embedded in the document, so that it prints the same everywhere, as an
 * archived invoice must; bold is OpenPDF's stroked rendering of the same font, so no second font is needed.
 *
 * <p>Liberation Sans has no glyphs for some scripts (Arabic, Chinese, Japanese) nor for emoji, and OpenPDF would
 * leave such characters out without a trace, so that a space named in Japanese would print no name at all. Each
 * is printed as {@link #NO_GLYPH} instead, which tells the reader that something is there that this document
 * cannot show; invisible formatting characters the font lacks (a byte order mark) are left out, and a tab prints
 * as a space. The JSON, HTML and iCalendar forms keep the text exactly (docs/reliability.md, "Hostile input").
 */
@Component
class InvoiceDocument {

    private static final String UNICODE_FONT = "font-fallback/LiberationSans-Regular.ttf";
    /** WHITE SQUARE, which the font has: what viewers show for a character without a glyph. */
    static final char NO_GLYPH = '\u25A1';

    private final BaseFont unicode;
    private final Font text;
    private final Font heading;
    private final Font title;
    private final Font label;

    InvoiceDocument() {
        unicode = unicodeFont();
        text = new Font(unicode, 10);
        heading = new Font(unicode, 14, Font.BOLD);
        // Large enough to stand out unstroked: a stroked title reads back to text extractors as "I nvoice".
        title = new Font(unicode, 22);
        label = new Font(unicode, 10, Font.BOLD);
    }

    byte[] render(InvoicesViews.PrintableInvoice printable) {
        InvoicesViews.InvoiceView invoice = printable.invoice();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, pdf);
        document.addTitle(titleOf(invoice) + " " + invoice.number());
        document.open();
        document.add(seller(printable));
        document.add(title(invoice));
        document.add(details(printable));
        document.add(lines(invoice));
        document.add(totals(invoice));
        document.add(settlement(invoice));
        document.close();
        return pdf.toByteArray();
    }

    /** The seller as the invoice names it; for an invoice that names none, the issuing space, as before. */
    private Paragraph seller(InvoicesViews.PrintableInvoice printable) {
        // Given the text font, so that not even an empty line of it falls back to a standard font, unembedded.
        Paragraph seller = new Paragraph("", text);
        LegalEntity entity = printable.invoice().seller();
        if (entity != null) {
            seller.add(new Phrase(printable(entity.legalName()) + "\n", heading));
            seller.add(new Phrase(printable(addressOf(entity.address())), text));
            seller.add(new Phrase("\nVAT number: " + printable(entity.vatNumber()), text));
            if (entity.registrationNumber() != null) {
                seller.add(new Phrase("\nRegistration number: " + printable(entity.registrationNumber()), text));
            }
            printable.space().ifPresent(space -> seller.add(new Phrase("\nSpace: " + printable(space.name()), text)));
            return seller;
        }
        printable
                .space()
                .ifPresentOrElse(
                        space -> {
                            seller.add(new Phrase(printable(space.name()) + "\n", heading));
                            seller.add(new Phrase(
                                    printable(space.street() + "\n" + space.postalCode() + " " + space.city() + "\n"
                                            + space.countryCode()),
                                    text));
                        },
                        () -> seller.add(
                                new Phrase("Space " + printable.invoice().spaceId(), heading)));
        return seller;
    }

    private static String addressOf(Address address) {
        return address.street() + "\n" + address.postalCode() + " " + address.city() + "\n" + address.countryCode();
    }

    private Paragraph title(InvoicesViews.InvoiceView invoice) {
        Paragraph heading = new Paragraph(titleOf(invoice), title);
        heading.setSpacingBefore(24);
        heading.setSpacingAfter(12);
        return heading;
    }

    private PdfPTable details(InvoicesViews.PrintableInvoice printable) {
        InvoicesViews.InvoiceView invoice = printable.invoice();
        PdfPTable details = new PdfPTable(2);
        details.setTotalWidth(new float[] {130, 300});
        details.setLockedWidth(true);
        details.setHorizontalAlignment(Element.ALIGN_LEFT);
        detail(details, "Number", invoice.number());
        detail(details, "Issue date", invoice.issuedOn().toString());
        supplyDate(invoice).ifPresent(day -> detail(details, "Date of supply", day.toString()));
        if (invoice.credits() != null) {
            detail(details, "Credits invoice", printable.creditedNumber().orElse(invoice.credits()));
        }
        Buyer buyer = invoice.buyer();
        if (buyer == null) {
            detail(details, "Member", invoice.memberId());
        } else {
            detail(details, "Customer", buyer.name());
            if (buyer.billingAddress() != null) {
                detail(details, "Customer address", addressOf(buyer.billingAddress()));
            }
            if (buyer.vatNumber() != null) {
                detail(details, "Customer VAT number", buyer.vatNumber());
            }
        }
        if (invoice.bookingId() != null) {
            // A company's invoice has many bookings: each line states its own, with its period.
            detail(details, "Booking", invoice.bookingId());
        }
        return details;
    }

    /** The day of supply, when the lines name one and the same for all of them. */
    private static Optional<LocalDate> supplyDate(InvoicesViews.InvoiceView invoice) {
        List<LocalDate> days = invoice.lines().stream()
                .map(InvoicesViews.Line::suppliedOn)
                .distinct()
                .toList();
        return days.size() == 1 ? Optional.ofNullable(days.get(0)) : Optional.empty();
    }

    private void detail(PdfPTable details, String name, String value) {
        details.addCell(cell(name, label, Element.ALIGN_LEFT, Rectangle.NO_BORDER));
        details.addCell(cell(value, text, Element.ALIGN_LEFT, Rectangle.NO_BORDER));
    }

    private PdfPTable lines(InvoicesViews.InvoiceView invoice) {
        // Each line's description has a row of its own above its figures, so that neither wraps into the other.
        PdfPTable lines = new PdfPTable(new float[] {1, 2.2f, 1.3f, 1.6f, 1.6f, 1.6f});
        lines.setWidthPercentage(100);
        lines.setSpacingBefore(18);
        lines.setHeaderRows(2);
        PdfPCell description = cell("Description", label, Element.ALIGN_LEFT, Rectangle.NO_BORDER);
        description.setColspan(6);
        lines.addCell(description);
        for (String column : List.of("Qty", "Unit price excl. VAT", "VAT rate", "Net", "VAT", "Gross")) {
            lines.addCell(cell(column, label, Element.ALIGN_RIGHT, Rectangle.BOTTOM));
        }
        String rate = rateOf(invoice);
        for (InvoicesViews.Line line : invoice.lines()) {
            PdfPCell nature = cell(line.description(), text, Element.ALIGN_LEFT, Rectangle.NO_BORDER);
            nature.setColspan(6);
            lines.addCell(nature);
            lines.addCell(cell(
                    line.quantity() == null ? "" : line.quantity().toString(),
                    text,
                    Element.ALIGN_RIGHT,
                    Rectangle.BOTTOM));
            lines.addCell(
                    line.unitNet() == null
                            ? cell("", text, Element.ALIGN_RIGHT, Rectangle.BOTTOM)
                            : amount(line.unitNet(), invoice, text));
            lines.addCell(cell(rate, text, Element.ALIGN_RIGHT, Rectangle.BOTTOM));
            lines.addCell(amount(line.net(), invoice, text));
            lines.addCell(amount(line.vat(), invoice, text));
            lines.addCell(amount(line.gross(), invoice, text));
        }
        return lines;
    }

    private PdfPTable totals(InvoicesViews.InvoiceView invoice) {
        PdfPTable totals = new PdfPTable(new float[] {3, 2});
        totals.setWidthPercentage(55);
        totals.setSpacingBefore(6);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(totals, "Taxable amount at " + rateOf(invoice), amount(invoice.net(), invoice, text));
        total(totals, "VAT " + rateOf(invoice), amount(invoice.vat(), invoice, text));
        total(totals, totalLabelOf(invoice), amount(invoice.gross(), invoice, label));
        return totals;
    }

    /** Whether the member still owes it: paid (and when), due (with the seller's terms), or credited. */
    private Paragraph settlement(InvoicesViews.InvoiceView invoice) {
        Paragraph settlement = new Paragraph("", text);
        settlement.setSpacingBefore(18);
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            settlement.add(new Phrase("Credited to the customer.", text));
        } else if (invoice.paidOn() != null) {
            settlement.add(new Phrase("Paid on " + invoice.paidOn() + ". Nothing is due.", label));
        } else if (invoice.seller() != null && invoice.seller().paymentTerms() != null) {
            settlement.add(
                    new Phrase("Payment terms: " + printable(invoice.seller().paymentTerms()), text));
        }
        return settlement;
    }

    private static String totalLabelOf(InvoicesViews.InvoiceView invoice) {
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            return "Total credited";
        }
        return invoice.paidOn() != null ? "Total paid" : "Total due";
    }

    private static String rateOf(InvoicesViews.InvoiceView invoice) {
        return invoice.vatRatePercent().stripTrailingZeros().toPlainString() + " %";
    }

    private void total(PdfPTable totals, String name, PdfPCell amount) {
        totals.addCell(cell(name, label, Element.ALIGN_LEFT, Rectangle.NO_BORDER));
        amount.setBorder(Rectangle.NO_BORDER);
        totals.addCell(amount);
    }

    private PdfPCell amount(long minorUnits, InvoicesViews.InvoiceView invoice, Font font) {
        return cell(MoneyText.of(minorUnits, invoice.currency()), font, Element.ALIGN_RIGHT, Rectangle.BOTTOM);
    }

    private PdfPCell cell(String content, Font font, int alignment, int border) {
        PdfPCell cell = new PdfPCell(new Phrase(printable(content), font));
        cell.setHorizontalAlignment(alignment);
        cell.setBorder(border);
        cell.setPadding(4);
        return cell;
    }

    /** The text as the embedded font can print it: see the class comment. */
    String printable(String content) {
        StringBuilder printed = new StringBuilder(content.length());
        content.codePoints().forEach(c -> {
            if (c == '\n' || unicode.charExists(c)) {
                printed.appendCodePoint(c);
            } else if (c == '\t') {
                printed.append(' ');
            } else if (Character.getType(c) != Character.FORMAT && c != '\r') {
                printed.append(NO_GLYPH);
            }
        });
        return printed.toString();
    }

    private static String titleOf(InvoicesViews.InvoiceView invoice) {
        return invoice.kind() == InvoiceKind.CREDIT_NOTE ? "Credit note" : "Invoice";
    }

    private static BaseFont unicodeFont() {
        try {
            return BaseFont.createFont(UNICODE_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenPDF's bundled font " + UNICODE_FONT + " is missing", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("OpenPDF's bundled font " + UNICODE_FONT + " is unreadable", e);
        }
    }
}
