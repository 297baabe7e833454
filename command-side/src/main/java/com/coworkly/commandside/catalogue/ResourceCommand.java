package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.ResourceId;

/** The commands a resource decides. */
public sealed interface ResourceCommand extends TargetsAggregate
        permits AddResource, ReviseResource, RetireResource, RemoveBlock, SetBuffers, SetSeats {

    ResourceId resourceId();

    @Override
    default String targetId() {
        return resourceId().value();
    }

    @Override
    default RefusalCode notFoundCode() {
        return RefusalCode.RESOURCE_NOT_FOUND;
    }
}
