package com.coworkly.events.catalogue;

import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A manager put a new bookable resource into a space. */
@Revision("1")
public record ResourceAdded(
        ResourceId resourceId,
        SpaceId spaceId,
        ResourceDescription description,
        Money hourlyPrice,
        WeeklyOpeningHours openingHours,
        BookingPolicy bookingPolicy)
        implements ResourceEvent {}
