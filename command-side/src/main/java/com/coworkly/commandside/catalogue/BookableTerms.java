package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;

/**
 * What a resource offers to a booking placed now: where it is, what kind it is (which credits pay it), its price,
 * hours and policy, the time it keeps free around each booking, how many members may book it at once, whether retired.
 */
public record BookableTerms(
        ResourceId resourceId,
        SpaceId spaceId,
        ResourceKind kind,
        Money hourlyPrice,
        WeeklyOpeningHours openingHours,
        BookingPolicy bookingPolicy,
        Buffers buffers,
        int seats,
        boolean retired) {

    /** A pool of identical seats, which several members book at once. */
    public boolean isPool() {
        return seats > 1;
    }
}
