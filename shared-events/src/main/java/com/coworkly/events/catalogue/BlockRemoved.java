package com.coworkly.events.catalogue;

import com.coworkly.events.common.BlockId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** A maintenance block was lifted; its period can be booked again. */
@Revision("1")
public record BlockRemoved(ResourceId resourceId, SpaceId spaceId, BlockId blockId, Period period)
        implements ResourceEvent {}
