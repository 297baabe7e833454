package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.AddressRequest;
import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

@RestController
@RequestMapping("/api/spaces")
@Tag(name = "Catalogue")
class SpaceController {

    record CancellationPolicyRequest(
            @NotNull @Min(0) @Max(720) Integer lateWindowHours,
            @NotNull @Min(0) @Max(100) Integer lateFeePercent) {}

    record RegisterSpaceRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,

            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal vatRatePercent,

            @Valid CancellationPolicyRequest cancellationPolicy,
            @NotNull @Valid AddressRequest address,

            @Schema(description = "how many hours before a booking starts its member is reminded (default 24)")
            @Min(1)
            @Max(336)
            Integer reminderLeadHours,

            @Schema(
                    description = "the prefix of the space's invoice numbers, unique in the network (default: the"
                            + " first three letters of the name, then 2, 3, … if another space has them)")
            @Pattern(regexp = "[A-Z][A-Z0-9]{1,7}")
            String invoicePrefix) {

        RegisterSpace toCommand() {
            CancellationPolicy policy = cancellationPolicy == null
                    ? CancellationPolicy.STANDARD
                    : new CancellationPolicy(
                            Duration.ofHours(cancellationPolicy.lateWindowHours()),
                            cancellationPolicy.lateFeePercent());
            return new RegisterSpace(
                    SpaceId.random(),
                    name.strip(),
                    ZoneId.of(timeZone),
                    Currency.getInstance(currency),
                    vatRatePercent,
                    policy,
                    address.toAddress(),
                    reminderLeadHours == null
                            ? SpaceRegistered.DEFAULT_REMINDER_LEAD
                            : Duration.ofHours(reminderLeadHours),
                    invoicePrefix);
        }
    }

    record SpaceRegisteredResponse(SpaceId spaceId) {}

    /** The seller an invoice names (EU VAT directive, Article 226); a VAT number starts with its country. */
    record LegalEntityRequest(
            @NotBlank @Size(max = 200) @PlainText String legalName,
            @NotNull @Valid AddressRequest address,

            @NotNull @Pattern(regexp = "[A-Z]{2}[0-9A-Z+*.]{2,12}")
            String vatNumber,

            @Size(max = 50) @PlainText String registrationNumber,
            @Size(max = 200) @PlainText String paymentTerms) {

        LegalEntity toLegalEntity() {
            return new LegalEntity(
                    legalName.strip(),
                    address.toAddress(),
                    vatNumber,
                    blankAsNull(registrationNumber),
                    blankAsNull(paymentTerms));
        }

        private static String blankAsNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    record GrantManagerRequest(@NotNull MemberId memberId) {}

    /** Each cap is optional: absent (or null) means none. */
    record BookingQuotasRequest(
            @Schema(description = "hours one member may book in the space per local day", nullable = true)
            @Min(1)
            @Max(24)
            Integer hoursPerDay,

            @Schema(description = "hours per ISO week, Monday to Sunday, in the space's zone", nullable = true)
            @Min(1)
            @Max(168)
            Integer hoursPerWeek,

            @Schema(description = "hours per calendar month in the space's zone", nullable = true) @Min(1) @Max(744)
            Integer hoursPerMonth) {

        BookingQuotas toQuotas() {
            return new BookingQuotas(hours(hoursPerDay), hours(hoursPerWeek), hours(hoursPerMonth));
        }

        private static Duration hours(Integer hours) {
            return hours == null ? null : Duration.ofHours(hours);
        }
    }

    private final CommandSender commands;

    SpaceController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register a space (ADMIN)")
    ResponseEntity<SpaceRegisteredResponse> register(@Valid @RequestBody RegisterSpaceRequest request) {
        RegisterSpace command = request.toCommand();
        return commands.send(command)
                .created(
                        URI.create("/api/spaces/" + command.spaceId()), new SpaceRegisteredResponse(command.spaceId()));
    }

    @PutMapping("/{spaceId}/legal-entity")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Name the legal entity that sells the space's bookings and issues its invoices (ADMIN)")
    ResponseEntity<Void> assignLegalEntity(
            @PathVariable SpaceId spaceId, @Valid @RequestBody LegalEntityRequest request) {
        return commands.send(new AssignLegalEntity(spaceId, request.toLegalEntity()))
                .ok(null);
    }

    @PutMapping("/{spaceId}/quotas")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(
            summary = "Cap the hours one member may book in the space per day, week and month, from the next booking"
                    + " on (MANAGER of the space, ADMIN)")
    ResponseEntity<Void> setQuotas(@PathVariable SpaceId spaceId, @Valid @RequestBody BookingQuotasRequest request) {
        return commands.send(new SetBookingQuotas(spaceId, request.toQuotas())).ok(null);
    }

    @PostMapping("/{spaceId}/managers")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Make a member a manager of the space (ADMIN)")
    ResponseEntity<Void> grantManager(@PathVariable SpaceId spaceId, @Valid @RequestBody GrantManagerRequest request) {
        return commands.send(new GrantManager(spaceId, request.memberId())).ok(null);
    }
}
