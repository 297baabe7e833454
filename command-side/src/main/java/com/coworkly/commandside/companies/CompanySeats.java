package com.coworkly.commandside.companies;

import com.coworkly.events.common.CompanyId;
import com.coworkly.events.common.MemberId;

import java.util.Optional;

/** Which company holds a member's seat, asked under the member's advisory lock so that two additions take turns. */
@FunctionalInterface
public interface CompanySeats {

    Optional<CompanyId> lockAndFind(MemberId member);
}
