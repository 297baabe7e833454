package com.coworkly.commandside.catalogue;

import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveBlock(@TargetAggregateIdentifier ResourceId resourceId, BlockId blockId)
        implements ResourceCommand {}
