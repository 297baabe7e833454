package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The company took a plan for its seats, at the revision on sale then, from {@code startsAt}. Its fees go on the
 * company's bill at its home space, and its periods run from month to month in the home space's zone.
 */
@Revision("1")
public record CompanyPlanSubscribed(
        CompanyId companyId,
        PlanId planId,
        int planRevision,
        PlanTerms terms,
        SpaceId homeSpaceId,
        ZoneId timeZone,
        Instant startsAt)
        implements CompanyEvent {}
