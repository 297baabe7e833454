package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The time a resource keeps free around each booking changed; bookings already made keep theirs. */
@Revision("1")
public record BuffersChanged(ResourceId resourceId, SpaceId spaceId, Buffers buffers) implements ResourceEvent {}
