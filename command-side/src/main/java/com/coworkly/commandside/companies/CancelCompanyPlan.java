package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The company's plan ends with its current period. */
public record CancelCompanyPlan(@TargetAggregateIdentifier CompanyId companyId) implements CompanyCommand {}
