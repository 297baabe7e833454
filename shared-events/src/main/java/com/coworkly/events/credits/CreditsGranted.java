package com.coworkly.events.credits;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.membership.PlanCoverage;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Minutes of booking time were granted, usable on resources of the given kinds in the covered spaces until
 * {@code expiresAt}. {@code grantId} names what granted them (a membership's paid period), so that the same
 * grant is never made twice. Up to {@code rolloverCapMinutes} of what is left at the end carry into the next
 * period's grant (0: none). Grants stored before rollover existed have no such field and read as 0, which is what
 * they were: their leftovers expired.
 */
@Revision("1")
public record CreditsGranted(
        CreditAccountId accountId,
        String grantId,
        long minutes,
        Set<ResourceKind> resourceKinds,
        PlanCoverage coverage,
        Instant expiresAt,
        long rolloverCapMinutes)
        implements CreditEvent {

    public CreditsGranted {
        resourceKinds = Collections.unmodifiableSet(new TreeSet<>(resourceKinds));
    }
}
