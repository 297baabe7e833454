package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The company takes a plan for its seats, billed at its home space, which the plan must cover. */
public record SubscribeCompany(@TargetAggregateIdentifier CompanyId companyId, PlanId planId, SpaceId homeSpaceId)
        implements CompanyCommand {}
