package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.MemberId;

/** Whether a member id names a registered member. */
public interface KnownMembers {

    boolean exists(MemberId member);
}
