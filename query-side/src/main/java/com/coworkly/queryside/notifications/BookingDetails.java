package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;

import java.time.ZoneId;

/** A booking as its emails describe it: who booked what, where, when (shown in {@code zone}) and for how much. */
record BookingDetails(
        BookingId bookingId,
        String memberEmail,
        String memberName,
        String spaceName,
        String resourceName,
        Period period,
        ZoneId zone,
        Money price) {}
