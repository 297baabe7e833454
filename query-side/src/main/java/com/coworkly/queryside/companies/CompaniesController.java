package com.coworkly.queryside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.credits.CreditQueries;
import com.coworkly.queryside.credits.CreditViews;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Companies")
class CompaniesController {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    static final class NotYourCompany extends BusinessRefusal {
        NotYourCompany(String companyId) {
            super(
                    RefusalCode.NOT_YOUR_COMPANY,
                    Kind.FORBIDDEN,
                    "Only the administrators of company " + companyId + " and the network's read it.");
        }
    }

    private final CompanyQueries companies;
    private final CreditQueries credits;

    CompaniesController(CompanyQueries companies, CreditQueries credits) {
        this.companies = companies;
        this.credits = credits;
    }

    @GetMapping("/api/companies/{companyId}")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites({CompaniesProjection.GROUP, "bookings"})
    @Operation(
            summary =
                    "A company: billing details, administrators, seats and the team's use (its administrators, ADMIN)")
    CompanyViews.CompanyView company(
            @PathVariable String companyId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        requireReader(companyId);
        return companies.company(companyId).orElseThrow(() -> NotFound.company(companyId));
    }

    @GetMapping("/api/companies/{companyId}/bookings")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites({CompaniesProjection.GROUP, "bookings"})
    @Operation(summary = "The team's bookings, newest first (its administrators, ADMIN)")
    Paged<CompanyViews.TeamBooking> bookings(
            @PathVariable String companyId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        requireReader(companyId);
        return companies.bookings(companyId, new PageRequest(page, size));
    }

    @GetMapping("/api/companies/{companyId}/bookings.csv")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites({CompaniesProjection.GROUP, "bookings"})
    @Operation(summary = "Every one of the team's bookings as CSV, oldest first (its administrators, ADMIN)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    ResponseEntity<String> bookingsCsv(
            @PathVariable String companyId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        requireReader(companyId);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"" + companyId + "-bookings.csv\"")
                .body(TeamBookingsCsv.of(companies.allBookings(companyId)));
    }

    @GetMapping("/api/companies/{companyId}/credits")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites("credits")
    @Operation(
            summary = "The company's pool: the minutes its seat holders may spend now, by grant (its"
                    + " administrators, ADMIN)")
    CreditViews.Balance credits(
            @PathVariable String companyId,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        requireReader(companyId);
        return credits.balance(poolOf(companyId));
    }

    @GetMapping("/api/companies/{companyId}/credits/statement")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites("credits")
    @Operation(
            summary = "The company pool's statement: every grant, spending, return and expiry, in order (its"
                    + " administrators, ADMIN)")
    Paged<CreditViews.Entry> creditStatement(
            @PathVariable String companyId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        requireReader(companyId);
        return credits.statement(poolOf(companyId), new PageRequest(page, size));
    }

    private static String poolOf(String companyId) {
        return CreditAccountId.ofCompany(new CompanyId(companyId)).value();
    }

    /** Who may read is checked before whether the company exists, so a stranger learns neither. */
    private void requireReader(String companyId) {
        CurrentCaller caller = CurrentCaller.require();
        if (!caller.has(Role.ADMIN) && !companies.isAdministeredBy(companyId, caller.memberId())) {
            throw new NotYourCompany(companyId);
        }
    }
}
