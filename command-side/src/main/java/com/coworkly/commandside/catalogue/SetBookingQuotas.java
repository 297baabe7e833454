package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.SpaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caps on what one member may book in the space per day, week and month, from the next booking on. */
record SetBookingQuotas(@TargetAggregateIdentifier SpaceId spaceId, BookingQuotas quotas) implements TargetsAggregate {

    @Override
    public String targetId() {
        return spaceId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.SPACE_NOT_FOUND;
    }
}
