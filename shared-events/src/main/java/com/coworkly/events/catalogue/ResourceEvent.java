package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;

/** Everything that happens to a resource; every event names the space too, for the projections' sake. */
public sealed interface ResourceEvent
        permits ResourceAdded,
                ResourceDescriptionRevised,
                ResourceRepriced,
                OpeningHoursChanged,
                BookingPolicyChanged,
                BuffersChanged,
                SeatsChanged,
                ResourceRetired,
                ResourceBlocked,
                BlockRemoved {

    ResourceId resourceId();

    SpaceId spaceId();
}
