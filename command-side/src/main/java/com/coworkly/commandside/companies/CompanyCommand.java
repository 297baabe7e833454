package com.coworkly.commandside.companies;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.CompanyId;

/** The commands a company account decides. */
public sealed interface CompanyCommand extends TargetsAggregate
        permits RegisterCompany,
                AppointCompanyAdministrator,
                AddCompanyMember,
                RemoveCompanyMember,
                SubscribeCompany,
                CancelCompanyPlan {

    CompanyId companyId();

    @Override
    default String targetId() {
        return companyId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.COMPANY_NOT_FOUND;
    }
}
