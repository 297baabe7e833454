package com.coworkly.commandside.booking;

import com.coworkly.events.common.MemberId;

/** Whether a member administers the company whose seat another member holds: they may then book for them. */
@FunctionalInterface
public interface TeamAdministrators {

    boolean administersTeamOf(MemberId administrator, MemberId member);
}
