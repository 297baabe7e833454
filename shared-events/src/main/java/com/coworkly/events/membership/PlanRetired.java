package com.coworkly.events.membership;

import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/** A plan takes no new members; its members keep it until they cancel or change plan. */
@Revision("1")
public record PlanRetired(PlanId planId) implements PlanEvent {}
