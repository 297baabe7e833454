package com.coworkly.queryside.invoices;

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
import java.util.List;

/**
 * An invoice or credit note as an A4 PDF: the issuing space, the title, number, issue date and member, the lines
 * and the totals with the VAT rate, and for a credit note the number of the invoice it credits.
 *
 * <p>Whatever came from events (descriptions, names, addresses) is placed as plain text runs: nothing in it is
 * read as markup. It is set in Liberation Sans, which OpenPDF ships and which is embedded, so names outside
 * Latin-1 print too; the document's own labels use the standard Helvetica.
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
        heading = new Font(unicode, 14);
        title = new Font(Font.HELVETICA, 22, Font.BOLD);
        label = new Font(Font.HELVETICA, 10, Font.BOLD);
    }

    byte[] render(InvoicesViews.PrintableInvoice printable) {
        InvoicesViews.InvoiceView invoice = printable.invoice();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, pdf);
        document.addTitle(titleOf(invoice) + " " + invoice.number());
        document.open();
        document.add(issuer(printable));
        document.add(title(invoice));
        document.add(details(printable));
        document.add(lines(invoice));
        document.add(totals(invoice));
        document.close();
        return pdf.toByteArray();
    }

    private Paragraph issuer(InvoicesViews.PrintableInvoice printable) {
        Paragraph issuer = new Paragraph();
        printable
                .space()
                .ifPresentOrElse(
                        space -> {
                            issuer.add(new Phrase(printable(space.name()) + "\n", heading));
                            issuer.add(new Phrase(
                                    printable(space.street() + "\n" + space.postalCode() + " " + space.city() + "\n"
                                            + space.countryCode()),
                                    text));
                        },
                        () -> issuer.add(
                                new Phrase("Space " + printable.invoice().spaceId(), heading)));
        return issuer;
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
        details.setTotalWidth(new float[] {110, 290});
        details.setLockedWidth(true);
        details.setHorizontalAlignment(Element.ALIGN_LEFT);
        detail(details, "Number", invoice.number());
        detail(details, "Issue date", invoice.issuedOn().toString());
        if (invoice.credits() != null) {
            detail(details, "Credits invoice", printable.creditedNumber().orElse(invoice.credits()));
        }
        detail(details, "Member", invoice.memberId());
        detail(details, "Booking", invoice.bookingId());
        return details;
    }

    private void detail(PdfPTable details, String name, String value) {
        details.addCell(cell(name, label, Element.ALIGN_LEFT, Rectangle.NO_BORDER));
        details.addCell(cell(value, text, Element.ALIGN_LEFT, Rectangle.NO_BORDER));
    }

    private PdfPTable lines(InvoicesViews.InvoiceView invoice) {
        PdfPTable lines = new PdfPTable(new float[] {6, 2, 2, 2});
        lines.setWidthPercentage(100);
        lines.setSpacingBefore(18);
        lines.setHeaderRows(1);
        lines.addCell(cell("Description", label, Element.ALIGN_LEFT, Rectangle.BOTTOM));
        for (String amount : List.of("Net", "VAT", "Gross")) {
            lines.addCell(cell(amount, label, Element.ALIGN_RIGHT, Rectangle.BOTTOM));
        }
        for (InvoicesViews.Line line : invoice.lines()) {
            lines.addCell(cell(line.description(), text, Element.ALIGN_LEFT, Rectangle.BOTTOM));
            lines.addCell(amount(line.net(), invoice, text));
            lines.addCell(amount(line.vat(), invoice, text));
            lines.addCell(amount(line.gross(), invoice, text));
        }
        return lines;
    }

    private PdfPTable totals(InvoicesViews.InvoiceView invoice) {
        PdfPTable totals = new PdfPTable(new float[] {3, 2});
        totals.setWidthPercentage(50);
        totals.setSpacingBefore(6);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(totals, "Net", amount(invoice.net(), invoice, text));
        total(
                totals,
                "VAT " + invoice.vatRatePercent().stripTrailingZeros().toPlainString() + " %",
                amount(invoice.vat(), invoice, text));
        total(
                totals,
                invoice.kind() == InvoiceKind.CREDIT_NOTE ? "Total credited" : "Total due",
                amount(invoice.gross(), invoice, label));
        return totals;
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
        PdfPCell cell = new PdfPCell(new Phrase(font.getBaseFont() == unicode ? printable(content) : content, font));
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
