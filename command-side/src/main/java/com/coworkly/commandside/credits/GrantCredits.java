package com.coworkly.commandside.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.credits.CreditAccountId;
import com.coworkly.events.membership.PlanCoverage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * Grants minutes once per {@code grantId}; the ledger is opened by its first grant. Up to {@code rolloverCapMinutes}
 * of what is left at {@code expiresAt} carry into the next grant (0: none).
 */
public record GrantCredits(
        @TargetAggregateIdentifier CreditAccountId accountId,
        String grantId,
        long minutes,
        Set<ResourceKind> resourceKinds,
        PlanCoverage coverage,
        Instant expiresAt,
        long rolloverCapMinutes)
        implements CreditCommand {}
