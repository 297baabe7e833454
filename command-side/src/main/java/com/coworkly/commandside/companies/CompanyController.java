package com.coworkly.commandside.companies;

import com.coworkly.commandside.commands.Accepted;
import com.coworkly.commandside.commands.AddressRequest;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

@RestController
@RequestMapping("/api/companies")
@Tag(name = "Companies")
class CompanyController {

    record RegisterCompanyRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @Valid AddressRequest billingAddress,

            @Schema(description = "the company's VAT number, its country's two letters first (e.g. NL123456789B01)")
            @Pattern(regexp = "[A-Z]{2}[A-Z0-9+*]{2,12}")
            String vatId) {}

    record MemberRequest(@NotNull MemberId memberId) {}

    record CompanyRegisteredResponse(CompanyId companyId) {}

    record SubscribeCompanyRequest(
            @NotNull PlanId planId,

            @Schema(description = "the space whose company bill carries the plan's fees; the plan must cover it")
            @NotNull
            SpaceId homeSpaceId) {}

    /** The period a plan taken started: its fee, for the seats held now, and the minutes it put in the pool. */
    record CompanyPlanResponse(
            PlanId planId,
            int periodNumber,
            Instant periodStart,
            Instant periodEnd,
            int seats,

            @Schema(description = "the period's fee, on the company's bill at its home space, in minor units")
            long fee,

            String currency,

            @Schema(description = "the minutes granted to the company's pool, which its seat holders share")
            long poolMinutes) {

        static CompanyPlanResponse of(Company.PlanPeriod period) {
            return new CompanyPlanResponse(
                    period.planId(),
                    period.number(),
                    period.period().start(),
                    period.period().end(),
                    period.seats(),
                    period.fee().minorUnits(),
                    period.fee().currency().getCurrencyCode(),
                    period.poolMinutes());
        }
    }

    private final CommandSender commands;

    CompanyController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Open a company account (ADMIN)")
    ResponseEntity<CompanyRegisteredResponse> register(@Valid @RequestBody RegisterCompanyRequest request) {
        RegisterCompany command = new RegisterCompany(
                CompanyId.random(), request.name(), request.billingAddress().toAddress(), request.vatId());
        return commands.send(command)
                .created(
                        URI.create("/api/companies/" + command.companyId()),
                        new CompanyRegisteredResponse(command.companyId()));
    }

    @PostMapping("/{companyId}/administrators")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Appoint a member as an administrator of the company (ADMIN)")
    ResponseEntity<Void> appoint(@PathVariable CompanyId companyId, @Valid @RequestBody MemberRequest request) {
        return commands.send(new AppointCompanyAdministrator(companyId, request.memberId()))
                .ok(null);
    }

    @PostMapping("/{companyId}/members")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Give a member one of the company's seats (its administrators, ADMIN)")
    ResponseEntity<Void> add(@PathVariable CompanyId companyId, @Valid @RequestBody MemberRequest request) {
        return commands.send(new AddCompanyMember(companyId, request.memberId()))
                .ok(null);
    }

    @DeleteMapping("/{companyId}/members/{memberId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Take a member's seat of the company back (its administrators, ADMIN)")
    ResponseEntity<Void> remove(@PathVariable CompanyId companyId, @PathVariable MemberId memberId) {
        return commands.send(new RemoveCompanyMember(companyId, memberId)).ok(null);
    }

    @PostMapping("/{companyId}/plan")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Take a plan for the company's seats: a fee per seat on its monthly bill, and a shared pool of"
                    + " credits (its administrators, ADMIN)")
    ResponseEntity<CompanyPlanResponse> subscribe(
            @PathVariable CompanyId companyId, @Valid @RequestBody SubscribeCompanyRequest request) {
        Accepted<Company.PlanPeriod> taken =
                commands.send(new SubscribeCompany(companyId, request.planId(), request.homeSpaceId()));
        return taken.ok(CompanyPlanResponse.of(taken.result()));
    }

    @PostMapping("/{companyId}/plan/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "End the company's plan with its current period (its administrators, ADMIN)")
    ResponseEntity<Void> cancelPlan(@PathVariable CompanyId companyId) {
        return commands.send(new CancelCompanyPlan(companyId)).ok(null);
    }
}
