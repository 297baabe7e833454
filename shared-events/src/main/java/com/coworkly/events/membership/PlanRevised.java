package com.coworkly.events.membership;

import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/**
 * A plan's terms changed. A period already begun keeps the revision it began with; each membership takes the
 * newest revision at the start of its next period (docs/memberships.md).
 */
@Revision("1")
public record PlanRevised(PlanId planId, int revision, PlanTerms terms) implements PlanEvent {}
