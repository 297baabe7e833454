package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A resource's weekly opening hours changed; bookings already made stand. */
@Revision("1")
public record OpeningHoursChanged(ResourceId resourceId, SpaceId spaceId, WeeklyOpeningHours openingHours)
        implements ResourceEvent {}
