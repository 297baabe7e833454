package com.coworkly.events.identity;

import com.coworkly.events.common.MemberId;

public sealed interface MemberEvent permits MemberRegistered {

    MemberId memberId();
}
