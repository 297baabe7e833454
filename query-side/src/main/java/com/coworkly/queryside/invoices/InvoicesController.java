package com.coworkly.queryside.invoices;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.coworkly.queryside.web.NotFound;
import com.coworkly.queryside.web.RefusalCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

/** Invoices and credit notes, as JSON and as PDF documents; who may read what is {@link InvoiceReaders}'. */
@RestController
@Tag(name = "Invoices")
class InvoicesController {

    static final class NotYourInvoice extends BusinessRefusal {
        NotYourInvoice(String invoiceId) {
            super(
                    RefusalCode.NOT_YOUR_INVOICE,
                    Kind.FORBIDDEN,
                    "Invoice " + invoiceId
                            + " can be read only by its member, the managers of its space, administrators and operators.");
        }
    }

    static final class NotYourCompany extends BusinessRefusal {
        NotYourCompany(String companyId) {
            super(
                    RefusalCode.NOT_YOUR_COMPANY,
                    Kind.FORBIDDEN,
                    "Only the administrators of company " + companyId
                            + ", the network's administrators and operators read its invoices.");
        }
    }

    private final InvoicesQueries invoices;
    private final InvoiceReaders readers;
    private final InvoiceDocument documents;

    InvoicesController(InvoicesQueries invoices, InvoiceReaders readers, InvoiceDocument documents) {
        this.invoices = invoices;
        this.readers = readers;
        this.documents = documents;
    }

    @GetMapping("/api/invoices")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(InvoicesProjection.GROUP)
    @Operation(
            summary =
                    "Invoices and credit notes by issue date, then number: all of them (administrators, "
                            + "operators) or those of the spaces the caller manages; members are refused (NOT_ALLOWED_TO_LIST_INVOICES)")
    Paged<InvoicesViews.InvoiceView> invoices(
            @Parameter(description = "only this space's; a manager must manage it (else NOT_MANAGER_OF_SPACE)")
                    @RequestParam(required = false)
                    String spaceId,
            @Parameter(description = "ISO-8601 date, issued on or after it")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "ISO-8601 date, issued on or before it")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        InvoiceListFilter asked =
                InvoiceListFilter.of(Optional.ofNullable(spaceId), Optional.ofNullable(from), Optional.ofNullable(to));
        return invoices.invoices(readers.listable(CurrentCaller.require(), asked), new PageRequest(page, size));
    }

    @GetMapping("/api/members/me/invoices")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(InvoicesProjection.GROUP)
    @Operation(summary = "The caller's own invoices and credit notes by issue date, then number")
    Paged<InvoicesViews.InvoiceView> myInvoices(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return invoices.ofMember(CurrentCaller.require().memberId(), new PageRequest(page, size));
    }

    /** Who may read is checked first, so a stranger learns nothing; a company with no invoice yet has an empty list. */
    @GetMapping("/api/companies/{companyId}/invoices")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(InvoicesProjection.GROUP)
    @Operation(
            summary = "A company's monthly invoices and their credit notes by issue date, then number (its"
                    + " administrators, ADMIN, OPERATOR)")
    Paged<InvoicesViews.InvoiceView> companyInvoices(
            @PathVariable String companyId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        if (!readers.mayListOfCompany(CurrentCaller.require(), companyId)) {
            throw new NotYourCompany(companyId);
        }
        return invoices.ofCompany(companyId, new PageRequest(page, size));
    }

    @GetMapping("/api/invoices/{invoiceId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(InvoicesProjection.GROUP)
    @Operation(summary = "One invoice or credit note (its member, managers of its space, administrators, operators)")
    InvoicesViews.InvoiceView invoice(
            @PathVariable String invoiceId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return readable(invoiceId);
    }

    @GetMapping("/api/invoices/{invoiceId}/pdf")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(InvoicesProjection.GROUP)
    @Operation(summary = "One invoice or credit note as an A4 PDF (the same readers as the invoice)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    ResponseEntity<byte[]> pdf(
            @PathVariable String invoiceId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        InvoicesViews.InvoiceView invoice = readable(invoiceId);
        byte[] pdf = documents.render(invoices.printable(invoice));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(invoice.number() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private InvoicesViews.InvoiceView readable(String invoiceId) {
        InvoicesViews.InvoiceView invoice = invoices.invoice(invoiceId).orElseThrow(() -> NotFound.invoice(invoiceId));
        if (!readers.mayRead(CurrentCaller.require(), invoice)) {
            throw new NotYourInvoice(invoiceId);
        }
        return invoice;
    }
}
