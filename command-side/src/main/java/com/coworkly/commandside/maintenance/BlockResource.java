package com.coworkly.commandside.maintenance;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;

/** A manager takes a period of a resource out of use; with {@code displace}, over the bookings in it. */
record BlockResource(ResourceId resourceId, BlockId blockId, Period period, String reason, boolean displace)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return resourceId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.RESOURCE_NOT_FOUND;
    }
}
