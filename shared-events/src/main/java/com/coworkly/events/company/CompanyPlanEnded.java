package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A cancelled company plan reached the end of its last period; the company may take a plan again. */
@Revision("1")
public record CompanyPlanEnded(CompanyId companyId, PlanId planId, Instant endedAt) implements CompanyEvent {}
