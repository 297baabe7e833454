package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import org.axonframework.serialization.Revision;

/** A member left the company's seats; their bookings from now on are their own again. */
@Revision("1")
public record CompanyMemberRemoved(CompanyId companyId, MemberId memberId) implements CompanyEvent {}
