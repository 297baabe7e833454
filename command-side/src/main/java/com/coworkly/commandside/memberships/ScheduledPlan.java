package com.coworkly.commandside.memberships;

import com.coworkly.events.common.Period;
import com.coworkly.events.common.PlanId;

import java.time.Instant;

/**
 * A plan change waiting for the next period: {@code from} is the end of the period paid for when it was asked. Both
 * the membership and the simulation's renewals ask it which plan a period takes.
 */
public record ScheduledPlan(PlanId plan, Instant from) {

    /** The first period paid that runs past the one the change was asked in takes the new plan. */
    public boolean takesOver(Period period) {
        return period.end().isAfter(from);
    }

    /** The plan of a period, given the current one and what is scheduled, if anything ({@code null}). */
    public static PlanId planOf(Period period, PlanId current, ScheduledPlan scheduled) {
        return scheduled != null && scheduled.takesOver(period) ? scheduled.plan() : current;
    }
}
