package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The space's caps on what one member may book per day, week and month changed; bookings already made stand. */
@Revision("1")
public record BookingQuotasChanged(SpaceId spaceId, BookingQuotas quotas) implements SpaceEvent {}
