package com.coworkly.events.booking;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.time.ZoneId;
import java.util.List;

/**
 * A member booked a resource again and again by a recurrence rule (RFC 5545 RRULE, e.g.
 * {@code FREQ=WEEKLY;BYDAY=MO;COUNT=10}), expanded in the space's local time. Each occurrence is a booking
 * placed in the same transaction; {@code skipped} are the occurrences the member chose to go without, with the
 * reason each could not be booked.
 */
@Revision("1")
public record BookingSeriesPlaced(
        SeriesId seriesId,
        ResourceId resourceId,
        SpaceId spaceId,
        MemberId memberId,
        String recurrence,
        ZoneId timeZone,
        List<SeriesOccurrence> occurrences,
        List<SkippedOccurrence> skipped)
        implements BookingSeriesEvent {

    public BookingSeriesPlaced {
        occurrences = List.copyOf(occurrences);
        skipped = List.copyOf(skipped);
    }
}
