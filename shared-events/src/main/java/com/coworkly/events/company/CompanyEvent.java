package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;

/** Everything that happens to a company account; projections switch over it exhaustively. */
public sealed interface CompanyEvent
        permits CompanyRegistered,
                CompanyAdministratorAppointed,
                CompanyMemberAdded,
                CompanyMemberRemoved,
                CompanyPlanSubscribed,
                CompanyPlanPeriodStarted,
                CompanyPlanCancelled,
                CompanyPlanEnded {

    CompanyId companyId();
}
