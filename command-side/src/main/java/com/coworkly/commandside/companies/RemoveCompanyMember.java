package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveCompanyMember(@TargetAggregateIdentifier CompanyId companyId, MemberId memberId)
        implements CompanyCommand {}
