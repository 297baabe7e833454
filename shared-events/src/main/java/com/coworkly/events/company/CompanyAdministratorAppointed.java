package com.coworkly.events.company;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;
import org.axonframework.serialization.Revision;

/** A member may now administer the company: add and remove its members, book for them, see the team's bookings. */
@Revision("1")
public record CompanyAdministratorAppointed(CompanyId companyId, MemberId memberId) implements CompanyEvent {}
