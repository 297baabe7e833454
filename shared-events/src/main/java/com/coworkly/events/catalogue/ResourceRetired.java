package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A resource takes no new bookings any more. */
@Revision("1")
public record ResourceRetired(ResourceId resourceId, SpaceId spaceId) implements ResourceEvent {}
