package com.coworkly.commandside.companies;

import com.coworkly.commandside.commands.AddressRequest;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
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
}
