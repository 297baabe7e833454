package com.coworkly.commandside.plans;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.CreditAllowance;
import com.coworkly.events.membership.CreditRollover;
import com.coworkly.events.membership.PlanCoverage;
import com.coworkly.events.membership.PlanTerms;
import com.coworkly.platform.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** A plan as an administrator describes it over the API, when defining it and when revising it. */
record PlanDefinition(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull @Valid Price monthlyPrice,

        @Schema(description = "the credits each period grants; none when absent") @Valid
        Credits credits,

        @Schema(description = "how many unused credit minutes carry into the next period; none when absent") @Valid
        Rollover rollover,

        @Schema(description = "the spaces it covers; every space in the plan's currency when absent or empty")
        @Size(max = 500)
        List<@NotNull SpaceId> spaceIds,

        @Schema(description = "bookings the credits do not cover are refused rather than paid by card")
        Boolean creditsOnly) {

    record Price(
            @NotNull @Min(0) @Max(100_000_000) Long amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}

    record Credits(
            @NotNull @Min(0) @Max(1_000_000) Long minutes,
            @NotNull @Size(max = 5) Set<@NotNull ResourceKind> resourceKinds) {}

    record Rollover(@NotNull @Min(0) @Max(1_000_000) Long capMinutes) {}

    PlanTerms terms() {
        return new PlanTerms(
                name.strip(),
                Money.of(monthlyPrice.amount(), monthlyPrice.currency()),
                credits == null
                        ? CreditAllowance.NONE
                        : new CreditAllowance(credits.minutes(), credits.resourceKinds()),
                rollover == null ? CreditRollover.NONE : CreditRollover.upTo(rollover.capMinutes()),
                spaceIds == null || spaceIds.isEmpty()
                        ? PlanCoverage.network()
                        : PlanCoverage.only(Set.copyOf(spaceIds)),
                Boolean.TRUE.equals(creditsOnly));
    }
}
