package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;

/** A member asks for a period of a resource. The booking is new; the resource it names must exist. */
public record PlaceBooking(BookingId bookingId, ResourceId resourceId, MemberId memberId, Period period)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return bookingId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.RESOURCE_NOT_FOUND;
    }
}
