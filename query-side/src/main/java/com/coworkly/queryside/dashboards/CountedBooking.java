package com.coworkly.queryside.dashboards;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A booking as the dashboards count it: where, whose, when, and the late window it was placed with. */
record CountedBooking(
        String bookingId,
        String spaceId,
        String resourceId,
        String memberId,
        Period period,
        ZoneId zone,
        Duration lateWindow,
        Instant placedAt) {

    /** The local day the booking starts on: its cancellations, fees, revenue and member count there. */
    LocalDate startDate() {
        return LocalDate.ofInstant(period.start(), zone);
    }

    /** From placing the booking to its start. */
    Duration leadTime() {
        return Duration.between(placedAt, period.start());
    }

    /**
     * A cancellation inside the late window (the booking's own, as it was placed) is late, whoever cancels and
     * whatever it costs; before it, early.
     */
    boolean isLateCancellation(Instant cancelledAt) {
        return !cancelledAt.isBefore(period.start().minus(lateWindow));
    }
}
