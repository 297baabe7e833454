package com.coworkly.commandside.plans;

import com.coworkly.events.common.PlanId;
import com.coworkly.events.membership.PlanTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefinePlan(@TargetAggregateIdentifier PlanId planId, PlanTerms terms) implements PlanCommand {}
