package com.coworkly.events.catalogue;

import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/**
 * The resource is a pool of {@code seats} identical seats from now on (a hot-desk area): at no instant do more live
 * bookings than that overlap on it. One seat is an ordinary resource, booked by one member at a time.
 */
@Revision("1")
public record SeatsChanged(ResourceId resourceId, SpaceId spaceId, int seats) implements ResourceEvent {}
