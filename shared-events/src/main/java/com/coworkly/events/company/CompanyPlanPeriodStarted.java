package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import org.axonframework.serialization.Revision;

/**
 * Period {@code number} (from 1) of the company's plan began, at the plan's revision in force then: the fee for the
 * {@code seats} held at its start was charged to the company's bill, and {@code poolMinutes} were granted to the
 * company's shared pool as {@code grantId}, until the period's end.
 */
@Revision("1")
public record CompanyPlanPeriodStarted(
        CompanyId companyId,
        PlanId planId,
        int planRevision,
        int number,
        Period period,
        int seats,
        Money fee,
        long poolMinutes,
        String grantId)
        implements CompanyEvent {}
