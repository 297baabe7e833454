package com.coworkly.commandside.plans;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.PlanId;

/** The commands a plan decides. */
public sealed interface PlanCommand extends TargetsAggregate permits DefinePlan, RevisePlan, RetirePlan {

    PlanId planId();

    @Override
    default String targetId() {
        return planId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.PLAN_NOT_FOUND;
    }
}
