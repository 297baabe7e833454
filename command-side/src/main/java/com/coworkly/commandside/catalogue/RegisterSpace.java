package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.SpaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/** {@code invoicePrefix} is the one the administrator asked for, or null for one made from the name. */
public record RegisterSpace(
        @TargetAggregateIdentifier SpaceId spaceId,
        String name,
        ZoneId timeZone,
        Currency currency,
        BigDecimal vatRatePercent,
        CancellationPolicy cancellationPolicy,
        Address address,
        Duration reminderLead,
        String invoicePrefix)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return spaceId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.SPACE_NOT_FOUND;
    }
}
