package com.coworkly.events.membership;

import com.coworkly.events.common.Money;

import java.util.Objects;

/**
 * What one revision of a plan sells: its name, the monthly fee, the credits each period grants and what becomes
 * of unused ones, where they may be spent, and whether its members may pay by card for what the credits do not
 * cover ({@code creditsOnly} false) or are refused instead.
 */
public record PlanTerms(
        String name,
        Money monthlyPrice,
        CreditAllowance credits,
        CreditRollover rollover,
        PlanCoverage coverage,
        boolean creditsOnly) {

    public PlanTerms {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(monthlyPrice, "monthly price");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(rollover, "rollover");
        Objects.requireNonNull(coverage, "coverage");
        if (creditsOnly && credits.minutes() == 0) {
            throw new IllegalArgumentException("a plan whose bookings are paid only with credits must grant some");
        }
    }
}
