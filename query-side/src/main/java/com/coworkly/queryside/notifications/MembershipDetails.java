package com.coworkly.queryside.notifications;

import com.coworkly.events.common.MembershipId;

/** A membership as its emails describe it: whose it is and which plan, by the name it was subscribed under. */
record MembershipDetails(MembershipId membershipId, String memberEmail, String memberName, String planName) {}
