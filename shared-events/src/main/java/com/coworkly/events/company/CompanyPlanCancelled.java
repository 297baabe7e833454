package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The company cancelled its plan: it runs to the end of the current period, {@code endsAt}, and renews no more. */
@Revision("1")
public record CompanyPlanCancelled(CompanyId companyId, Instant endsAt) implements CompanyEvent {}
