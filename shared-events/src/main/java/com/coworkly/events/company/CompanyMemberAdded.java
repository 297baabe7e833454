package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import org.axonframework.serialization.Revision;

/** A member took one of the company's seats: they book as one of its team. A member has one company at most. */
@Revision("1")
public record CompanyMemberAdded(CompanyId companyId, MemberId memberId) implements CompanyEvent {}
