package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The slot, length limits or horizon of a resource changed; bookings already made stand. */
@Revision("1")
public record BookingPolicyChanged(ResourceId resourceId, SpaceId spaceId, BookingPolicy bookingPolicy)
        implements ResourceEvent {}
