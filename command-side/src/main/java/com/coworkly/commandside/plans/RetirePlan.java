package com.coworkly.commandside.plans;

import com.coworkly.events.common.PlanId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RetirePlan(@TargetAggregateIdentifier PlanId planId) implements PlanCommand {}
