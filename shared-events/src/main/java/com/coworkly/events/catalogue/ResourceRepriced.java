package com.coworkly.events.catalogue;

import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A resource's hourly price changed; bookings already made keep their price. */
@Revision("1")
public record ResourceRepriced(ResourceId resourceId, SpaceId spaceId, Money hourlyPrice) implements ResourceEvent {}
