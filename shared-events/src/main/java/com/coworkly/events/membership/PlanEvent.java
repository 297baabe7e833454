package com.coworkly.events.membership;

import com.coworkly.events.common.PlanId;

/** Everything that happens to a membership plan; projections switch over it exhaustively. */
public sealed interface PlanEvent permits PlanDefined, PlanRevised, PlanRetired {

    PlanId planId();
}
