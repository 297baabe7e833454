package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The whole new definition of a resource; the resource records only what actually changes. */
record ReviseResource(
        @TargetAggregateIdentifier ResourceId resourceId,
        ResourceDescription description,
        Money hourlyPrice,
        WeeklyOpeningHours openingHours,
        BookingPolicy bookingPolicy)
        implements ResourceCommand {}
