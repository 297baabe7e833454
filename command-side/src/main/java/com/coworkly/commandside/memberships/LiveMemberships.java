package com.coworkly.commandside.memberships;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.MembershipId;

import java.util.Optional;

/** A member has at most one live membership; a subscription asks for it under the member's lock. */
public interface LiveMemberships {

    Optional<MembershipId> lockAndFind(MemberId member);
}
