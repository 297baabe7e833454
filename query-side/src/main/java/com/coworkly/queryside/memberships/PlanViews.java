package com.coworkly.queryside.memberships;

import java.util.List;

/** The shapes in which the memberships read model answers. */
final class PlanViews {

    private PlanViews() {}

    record Price(long amount, String currency) {}

    record Credits(long minutes, List<String> resourceKinds) {}

    /** {@code capMinutes} is null when unused credits expire at the end of their period. */
    record Rollover(boolean rollsOver, Long capMinutes) {}

    /** {@code spaceIds} is empty when the plan covers every space of the network in its currency. */
    record PlanView(
            String planId,
            int revision,
            String name,
            Price monthlyPrice,
            Credits credits,
            Rollover rollover,
            boolean wholeNetwork,
            List<String> spaceIds,
            boolean creditsOnly,
            boolean retired) {}
}
