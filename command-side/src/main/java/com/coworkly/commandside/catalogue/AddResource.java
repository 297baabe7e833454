package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.BookingPolicy;
import com.coworkly.events.catalogue.ResourceDescription;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddResource(
        @TargetAggregateIdentifier ResourceId resourceId,
        SpaceId spaceId,
        ResourceDescription description,
        Money hourlyPrice,
        WeeklyOpeningHours openingHours,
        BookingPolicy bookingPolicy)
        implements ResourceCommand {}
