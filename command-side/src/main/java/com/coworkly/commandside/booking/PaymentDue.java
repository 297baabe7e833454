package com.coworkly.commandside.booking;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;

/** What a member is to pay, for a booking or for a series as one; the checkout opens the payment for it. */
public record PaymentDue(MemberId member, Money amount) {}
