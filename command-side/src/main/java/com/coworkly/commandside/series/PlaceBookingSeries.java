package com.coworkly.commandside.series;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;

/**
 * A member asks for {@code first} and its recurrences by {@code recurrence} (an RRULE); the series is new, the
 * resource it names must exist.
 */
public record PlaceBookingSeries(
        SeriesId seriesId,
        ResourceId resourceId,
        MemberId memberId,
        Period first,
        String recurrence,
        OnConflict onConflict)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return seriesId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.RESOURCE_NOT_FOUND;
    }
}
