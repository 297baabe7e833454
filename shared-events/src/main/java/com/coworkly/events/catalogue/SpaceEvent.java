package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;

/** Everything that happens to a space; projections switch over it exhaustively. */
public sealed interface SpaceEvent permits SpaceRegistered, ManagerGranted, LegalEntityAssigned, BookingQuotasChanged {

    SpaceId spaceId();
}
