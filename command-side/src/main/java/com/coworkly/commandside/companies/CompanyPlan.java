package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.events.membership.PlanTerms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The plan a company holds, as its decisions see it: the {@code ordinal}-th it took (which keeps the grants of a plan
 * taken again apart), the terms of the period running, {@code number}, and whether it ends with that period.
 */
record CompanyPlan(
        int ordinal,
        PlanId planId,
        PlanTerms terms,
        SpaceId homeSpace,
        ZoneId timeZone,
        Instant startsAt,
        int number,
        Period period,
        boolean cancelled) {

    /**
     * Period {@code number} starts that many months less one after the plan's start, counted from the start each
     * time in the home space's zone, so a plan taken on 31 January renews on 28 February and then on 31 March, at the
     * same local time whatever the daylight-saving changes in between.
     */
    static Period period(Instant startsAt, ZoneId zone, int number) {
        ZonedDateTime start = startsAt.atZone(zone);
        return new Period(
                start.plusMonths(number - 1L).toInstant(),
                start.plusMonths(number).toInstant());
    }

    /** What names period {@code number}'s grant in the pool and its fee on the bill, once. */
    String grantId(CompanyId company, int periodNumber) {
        return "company-" + company.value() + "-plan-" + ordinal + "-period-" + periodNumber;
    }

    /** The fee for the seats held when a period starts: the plan's monthly price for each. */
    static Money fee(PlanTerms terms, int seats) {
        Money price = terms.monthlyPrice();
        return new Money(Math.multiplyExact(price.minorUnits(), seats), price.currency());
    }

    CompanyPlan startedPeriod(int periodNumber, Period started, PlanTerms periodTerms) {
        return new CompanyPlan(
                ordinal, planId, periodTerms, homeSpace, timeZone, startsAt, periodNumber, started, cancelled);
    }

    CompanyPlan cancel() {
        return new CompanyPlan(ordinal, planId, terms, homeSpace, timeZone, startsAt, number, period, true);
    }
}
