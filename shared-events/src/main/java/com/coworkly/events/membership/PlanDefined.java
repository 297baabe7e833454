package com.coworkly.events.membership;

import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/** An administrator put a membership plan on sale; these terms are the plan's revision 1. */
@Revision("1")
public record PlanDefined(PlanId planId, PlanTerms terms) implements PlanEvent {}
